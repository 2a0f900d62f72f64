package org.onesheet.referral;

import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;

/** What a referral Task's {@code output} carries, typed by the code system referral-output-type. */
final class ReferralOutputs {

	static final String APPOINTMENT = "appointment";
	static final String FEEDBACK = "feedback";

	private ReferralOutputs() {
	}

	static CodeableConcept type(String code, String chinese) {
		return new CodeableConcept(new Coding(Systems.REFERRAL_OUTPUT_TYPE, code, chinese));
	}

	/** The Task's outputs of this type. */
	static Stream<Task.TaskOutputComponent> of(Task task, String code) {
		return task.getOutput().stream().filter(output -> output.getType().getCoding().stream().anyMatch(
				coding -> Systems.REFERRAL_OUTPUT_TYPE.equals(coding.getSystem()) && code.equals(coding.getCode())));
	}
}
