package org.onesheet.referral;

import org.onesheet.system.StoredResources;
import org.onesheet.system.Refusals;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.stereotype.Component;

/**
 * Closing the loop (回执): an upward referral completes only with the county's report in the Task's
 * feedback output, a discharge summary or consultation report as a DiagnosticReport or a Composition; a
 * downward referral sent back for rehabilitation as feedback must carry the CarePlan it hands over. A
 * downward referral may complete with any feedback (the profile already requires one).
 */
@Component
@Interceptor
public class ReferralFeedback {

	static final int ORDER = 30;
	private static final Set<String> REPORTS = Set.of("DiagnosticReport", "Composition");

	private final ReferralTasks referralTasks;
	private final DaoRegistry daos;

	public ReferralFeedback(ReferralTasks referralTasks, DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.referralTasks = referralTasks;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
		if (!(resource instanceof Task task) || !(previous instanceof Task before)
				|| task.getStatus() != TaskStatus.COMPLETED || before.getStatus() == TaskStatus.COMPLETED
				|| !referralTasks.isBrokered(task, transaction)) {
			return;
		}
		List<Reference> feedback = ReferralOutputs.of(task, ReferralOutputs.FEEDBACK)
				.filter(output -> output.getValue() instanceof Reference)
				.map(output -> (Reference) output.getValue())
				.toList();
		if (ReferralCategory.isUpward(referralTasks.focusOf(task, transaction))
				&& feedback.stream().noneMatch(reference -> REPORTS.contains(typeOf(reference)))) {
			throw refusal("上转完成须回传出院小结或会诊报告作为回执 (an upward referral completes with the receiving organisation's"
					+ " discharge summary or consultation report: a feedback output referencing a DiagnosticReport or a"
					+ " Composition)");
		}
		feedback.stream().filter(reference -> "ServiceRequest".equals(typeOf(reference)))
				.forEach(this::checkRehabilitationReferral);
	}

	private void checkRehabilitationReferral(Reference reference) {
		Optional<ServiceRequest> found = reference.getResource() instanceof ServiceRequest attached ? Optional.of(attached)
				: StoredResources.find(daos, ServiceRequest.class, reference.getReference());
		if (found.isEmpty()) {
			return; // referential integrity reports it
		}
		ServiceRequest downward = found.get();
		boolean withCarePlan = downward.getSupportingInfo().stream().anyMatch(info -> "CarePlan".equals(typeOf(info)));
		if (!ReferralCategory.isDownwardReferral(downward) || !withCarePlan) {
			throw refusal("康复下转须为附带管理计划的下转申请 (a referral sent back as feedback must be a downward referral"
					+ " ServiceRequest with the CarePlan in its supportingInfo; " + reference.getReference() + " is not)");
		}
	}

	private static String typeOf(Reference reference) {
		if (reference.getResource() != null) {
			return reference.getResource().fhirType();
		}
		return reference.getReference() == null ? "" : new IdType(reference.getReference()).getResourceType();
	}

	private static UnprocessableEntityException refusal(String message) {
		return Refusals.unprocessable(message, "Task.output");
	}
}
