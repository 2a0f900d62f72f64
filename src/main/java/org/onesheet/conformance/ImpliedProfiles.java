package org.onesheet.conformance;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralCategory;
import org.springframework.stereotype.Component;

/**
 * The profile a resource must meet whether or not it declares it: every Patient is a OneSheetPatient, every
 * referral ServiceRequest a ReferralServiceRequest, every Task whose focus is a referral a ReferralTask.
 * These are the resources whose shape the group's workflows rely on.
 */
@Component
public class ImpliedProfiles {

	private final DaoRegistry daos;

	public ImpliedProfiles(DaoRegistry daos) {
		this.daos = daos;
	}

	public Optional<String> of(IBaseResource resource) {
		if (resource instanceof Patient) {
			return Optional.of(Systems.PROFILE_PATIENT);
		}
		if (resource instanceof ServiceRequest request && ReferralCategory.isReferral(request)) {
			return Optional.of(Systems.PROFILE_REFERRAL_SERVICE_REQUEST);
		}
		if (resource instanceof Task task && focusIsReferral(task)) {
			return Optional.of(Systems.PROFILE_REFERRAL_TASK);
		}
		return Optional.empty();
	}

	/** One primary-key read; inside a transaction the focus written earlier in the same bundle is visible. */
	private boolean focusIsReferral(Task task) {
		IdType focus = new IdType(task.getFocus().getReference());
		if (!"ServiceRequest".equals(focus.getResourceType()) || !focus.hasIdPart()) {
			return false;
		}
		try {
			ServiceRequest request = (ServiceRequest) daos.getResourceDao(ServiceRequest.class)
					.read(focus.toUnqualifiedVersionless(), new SystemRequestDetails());
			return ReferralCategory.isReferral(request);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return false; // referential integrity reports the missing focus
		}
	}
}
