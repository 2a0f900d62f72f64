package org.onesheet.chronic;

import java.util.List;

/** The codes of the 2+3 programmes (两病三病) in the chronic-programme code system. */
public final class ChronicProgrammes {

	public static final List<String> CODES =
			List.of("hypertension", "diabetes", "hepatitis", "severe-mental-disorder", "tuberculosis");

	private ChronicProgrammes() {
	}
}
