package org.onesheet.referral;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.onesheet.identity.Systems;

/**
 * What makes a ServiceRequest a referral (转诊): the category SNOMED CT 3457005 "Patient referral"; and a
 * remote consultation (远程会诊): the category SNOMED CT 11429006 "Consultation". Both are brokered the
 * same way, by a Task the server holds to the referral state machine.
 */
public final class ReferralCategory {

	public static final String SNOMED_PATIENT_REFERRAL = "3457005";
	public static final String SNOMED_CONSULTATION = "11429006";

	private ReferralCategory() {
	}

	public static boolean isReferral(ServiceRequest request) {
		return hasCategory(request, SNOMED_PATIENT_REFERRAL);
	}

	public static boolean isConsultation(ServiceRequest request) {
		return hasCategory(request, SNOMED_CONSULTATION);
	}

	/** A request whose Task the server brokers: a referral or a consultation. */
	public static boolean isBrokered(ServiceRequest request) {
		return isReferral(request) || isConsultation(request);
	}

	/** Upward (上转) to a higher level of the group. */
	public static boolean isUpward(ServiceRequest request) {
		return hasDirection(request, "up");
	}

	/** A downward referral (下转) back to the township or village. */
	public static boolean isDownwardReferral(ServiceRequest request) {
		return isReferral(request) && hasDirection(request, "down");
	}

	/** Sent through the green channel (绿色通道). */
	public static boolean isGreenChannel(ServiceRequest request) {
		return request.getExtensionsByUrl(Systems.EXT_GREEN_CHANNEL).stream()
				.anyMatch(extension -> extension.getValue() instanceof BooleanType green && green.booleanValue());
	}

	private static boolean hasDirection(ServiceRequest request, String direction) {
		return request.getExtensionsByUrl(Systems.EXT_REFERRAL_DIRECTION).stream()
				.anyMatch(extension -> extension.getValue() instanceof Coding coding && direction.equals(coding.getCode()));
	}

	private static boolean hasCategory(ServiceRequest request, String code) {
		return request.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> Systems.SNOMED_CT.equals(coding.getSystem()) && code.equals(coding.getCode()));
	}

	public static CodeableConcept concept(String text) {
		return new CodeableConcept(new Coding(Systems.SNOMED_CT, SNOMED_PATIENT_REFERRAL, "Patient referral"))
				.setText(text);
	}
}
