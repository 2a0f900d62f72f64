package org.onesheet.chronic;

import java.util.List;

/** The codes of the 2+3 programmes (两病三病) in the chronic-programme code system. */
public final class ChronicProgrammes {

	public static final List<String> CODES =
			List.of("hypertension", "diabetes", "hepatitis", "severe-mental-disorder", "tuberculosis");

	/** What a clinic calls each programme, for reports and the dashboard. */
	public static final java.util.Map<String, String> NAMES = java.util.Map.of("hypertension", "高血压 hypertension",
			"diabetes", "糖尿病 diabetes", "hepatitis", "病毒性肝炎 hepatitis",
			"severe-mental-disorder", "严重精神障碍 severe mental disorder", "tuberculosis", "肺结核 tuberculosis");

	private ChronicProgrammes() {
	}
}
