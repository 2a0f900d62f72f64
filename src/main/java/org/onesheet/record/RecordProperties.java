package org.onesheet.record;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onesheet.record.*}.
 *
 * @param mdm whether registrations are linked into golden records (HAPI MDM); off only to measure its cost
 * @param recognitionWindows how long a final result of a LOINC-coded test stays recognised group-wide,
 *        by LOINC code; these add to or replace {@link RecognitionWindows#DEFAULTS}
 */
@ConfigurationProperties(prefix = "onesheet.record")
public record RecordProperties(@DefaultValue("true") boolean mdm,
		Map<String, Duration> recognitionWindows) {

	public RecordProperties {
		recognitionWindows = recognitionWindows == null ? Map.of() : Map.copyOf(recognitionWindows);
	}
}
