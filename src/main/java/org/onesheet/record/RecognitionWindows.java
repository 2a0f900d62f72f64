package org.onesheet.record;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.onesheet.identity.Systems;
import org.springframework.stereotype.Component;

/**
 * How long a final result stays recognised across the group (检查检验结果互认), by LOINC code. The defaults
 * follow common mutual-recognition practice: routine blood tests a week, HbA1c (which reflects three months)
 * ninety days, imaging a month. {@code onesheet.record.recognition-windows.<loinc>} adds a test or changes
 * a window. A code not listed is not recognisable: it is ordered again.
 */
@Component
public class RecognitionWindows {

	public static final Map<String, Duration> DEFAULTS = Map.ofEntries(
			// routine blood and urine tests: 7 days
			Map.entry("58410-2", Duration.ofDays(7)), // CBC panel, blood (血常规)
			Map.entry("24357-6", Duration.ofDays(7)), // urinalysis macro panel (尿常规)
			Map.entry("1558-6", Duration.ofDays(7)), // fasting glucose (空腹血糖)
			Map.entry("24325-3", Duration.ofDays(7)), // hepatic function panel (肝功能)
			Map.entry("24362-6", Duration.ofDays(7)), // renal function panel (肾功能)
			Map.entry("24323-8", Duration.ofDays(7)), // comprehensive metabolic panel (生化全项)
			Map.entry("11524-6", Duration.ofDays(7)), // ECG (十二导联心电图)
			// slower-moving tests
			Map.entry("57698-3", Duration.ofDays(30)), // lipid panel (血脂四项)
			Map.entry("4548-4", Duration.ofDays(90)), // HbA1c (糖化血红蛋白)
			// imaging: 30 days
			Map.entry("30745-4", Duration.ofDays(30)), // chest X-ray (胸部X线)
			Map.entry("36643-5", Duration.ofDays(30)), // XR chest 2 views (胸部正侧位片)
			Map.entry("24558-9", Duration.ofDays(30)), // US abdomen (腹部B超)
			Map.entry("24627-2", Duration.ofDays(30)), // CT chest (胸部CT)
			Map.entry("18754-2", Duration.ofDays(30))); // Holter monitor study (动态心电图)

	private final Map<String, Duration> windows;

	public RecognitionWindows(RecordProperties properties) {
		Map<String, Duration> merged = new HashMap<>(DEFAULTS);
		merged.putAll(properties.recognitionWindows());
		merged.values().removeIf(window -> window.isZero() || window.isNegative());
		this.windows = Map.copyOf(merged);
	}

	public Optional<Duration> of(String loincCode) {
		return Optional.ofNullable(windows.get(loincCode));
	}

	/** The first LOINC coding of a concept that has a window. */
	public Optional<Coding> recognisable(CodeableConcept concept) {
		return concept.getCoding().stream()
				.filter(coding -> Systems.LOINC.equals(coding.getSystem()) && windows.containsKey(coding.getCode()))
				.findFirst();
	}

	public Map<String, Duration> all() {
		return windows;
	}
}
