package org.onesheet.conformance;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.diagnosis.RemoteReadings;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralCategory;
import org.onesheet.referral.ReferralTasks;
import org.springframework.stereotype.Component;

/**
 * The profile a resource must meet whether or not it declares it: every Patient is a OneSheetPatient, every
 * referral ServiceRequest a ReferralServiceRequest, every Task whose focus is a referral a ReferralTask, every
 * remote-reading request and its worklist Task a RemoteReadingServiceRequest and RemoteReadingTask.
 * These are the resources whose shape the group's workflows rely on.
 */
@Component
public class ImpliedProfiles {

	private final ReferralTasks referralTasks;
	private final RemoteReadings remoteReadings;

	public ImpliedProfiles(ReferralTasks referralTasks, RemoteReadings remoteReadings) {
		this.referralTasks = referralTasks;
		this.remoteReadings = remoteReadings;
	}

	public Optional<String> of(IBaseResource resource, TransactionDetails transaction) {
		if (resource instanceof Patient) {
			return Optional.of(Systems.PROFILE_PATIENT);
		}
		if (resource instanceof ServiceRequest request && ReferralCategory.isReferral(request)) {
			return Optional.of(Systems.PROFILE_REFERRAL_SERVICE_REQUEST);
		}
		if (resource instanceof ServiceRequest request && RemoteReadings.isRemoteReading(request)) {
			return Optional.of(Systems.PROFILE_REMOTE_READING_SERVICE_REQUEST);
		}
		if (resource instanceof Task task && referralTasks.isBrokered(task, transaction)) {
			return Optional.of(Systems.PROFILE_REFERRAL_TASK);
		}
		if (resource instanceof Task task && remoteReadings.isReadingTask(task, transaction)) {
			return Optional.of(Systems.PROFILE_REMOTE_READING_TASK);
		}
		return Optional.empty();
	}
}
