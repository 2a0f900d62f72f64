package org.onesheet.conformance;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralCategory;
import org.onesheet.referral.ReferralTasks;
import org.springframework.stereotype.Component;

/**
 * The profile a resource must meet whether or not it declares it: every Patient is a OneSheetPatient, every
 * referral ServiceRequest a ReferralServiceRequest, every Task whose focus is a referral a ReferralTask.
 * These are the resources whose shape the group's workflows rely on.
 */
@Component
public class ImpliedProfiles {

	private final ReferralTasks referralTasks;

	public ImpliedProfiles(ReferralTasks referralTasks) {
		this.referralTasks = referralTasks;
	}

	public Optional<String> of(IBaseResource resource, TransactionDetails transaction) {
		if (resource instanceof Patient) {
			return Optional.of(Systems.PROFILE_PATIENT);
		}
		if (resource instanceof ServiceRequest request && ReferralCategory.isReferral(request)) {
			return Optional.of(Systems.PROFILE_REFERRAL_SERVICE_REQUEST);
		}
		if (resource instanceof Task task && referralTasks.isBrokered(task, transaction)) {
			return Optional.of(Systems.PROFILE_REFERRAL_TASK);
		}
		return Optional.empty();
	}
}
