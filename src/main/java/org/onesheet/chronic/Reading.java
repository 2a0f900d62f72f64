package org.onesheet.chronic;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.onesheet.identity.Systems;

/**
 * One value of one LOINC-coded measure, taken at one time: a fasting glucose, or the systolic pressure of a
 * blood pressure panel. {@code source} is the Observation it came from ({@code Observation/<id>}).
 */
public record Reading(String loinc, BigDecimal value, String unit, Instant effective, String source) {

	/** The readings an Observation carries: its own value, and the values of its components. */
	public static List<Reading> of(Observation observation) {
		List<Reading> readings = new ArrayList<>();
		if (!observation.hasEffectiveDateTimeType() || observation.getEffectiveDateTimeType().getValue() == null) {
			return readings;
		}
		Instant effective = observation.getEffectiveDateTimeType().getValue().toInstant();
		String source = "Observation/" + observation.getIdElement().getIdPart();
		add(readings, observation.getCode(), observation.getValue(), effective, source);
		for (Observation.ObservationComponentComponent component : observation.getComponent()) {
			add(readings, component.getCode(), component.getValue(), effective, source);
		}
		return readings;
	}

	private static void add(List<Reading> readings, CodeableConcept code, Type value, Instant effective, String source) {
		if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
			return;
		}
		for (Coding coding : code.getCoding()) {
			if (Systems.LOINC.equals(coding.getSystem())) {
				readings.add(new Reading(coding.getCode(), quantity.getValue(), quantity.hasCode() ? quantity.getCode() : null,
						effective, source));
			}
		}
	}

	/** Whether the reading is in the unit the rule's limits are in (a reading without a unit code is taken as it). */
	boolean isIn(String ruleUnit) {
		return unit == null || ruleUnit == null || unit.equals(ruleUnit);
	}
}
