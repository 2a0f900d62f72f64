package org.onesheet.referral;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.onesheet.identity.Systems;

/** What makes a ServiceRequest a referral (转诊): the category SNOMED CT 3457005 "Patient referral". */
public final class ReferralCategory {

	public static final String SNOMED_PATIENT_REFERRAL = "3457005";

	private ReferralCategory() {
	}

	public static boolean isReferral(ServiceRequest request) {
		return request.getCategory().stream().flatMap(category -> category.getCoding().stream())
				.anyMatch(coding -> Systems.SNOMED_CT.equals(coding.getSystem())
						&& SNOMED_PATIENT_REFERRAL.equals(coding.getCode()));
	}

	public static CodeableConcept concept(String text) {
		return new CodeableConcept(new Coding(Systems.SNOMED_CT, SNOMED_PATIENT_REFERRAL, "Patient referral"))
				.setText(text);
	}
}
