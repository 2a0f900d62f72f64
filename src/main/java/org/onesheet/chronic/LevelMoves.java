package org.onesheet.chronic;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralCategory;
import org.onesheet.referral.ReferralStateMachine;
import org.onesheet.system.StoredResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 动态管理、逐级上下推送: when a plan's grade calls for another level than the one managing it, the server drafts
 * a referral (ServiceRequest + Task, status draft, {@code basedOn} the plan) from the managing organisation to
 * the organisation of the new level; a doctor there sends it (draft → requested) and the other side accepts
 * it, which moves the plan ({@link PlanFollowsAcceptedMove}). The rule against a flurry of proposals:
 * <ol>
 *   <li>a plan has at most one open proposal (draft, requested or received); a later change of grade
 *       re-aims a draft, never adds a second;</li>
 *   <li>a move up is proposed (or a draft re-aimed higher) at once: a worse grade is a risk;</li>
 *   <li>a move down, re-aiming a draft lower, or withdrawing a draft because the grade came back to the
 *       managing level, waits until the better grade has held for {@code onesheet.chronic.settle-before}
 *       (7 days: its first and latest readings that far apart). A reading that swings back within the week
 *       changes the grade and its Flag, not the proposals.</li>
 * </ol>
 * Proposals the parties have sent on (requested, received) are theirs: the server does not touch them.
 */
@Component
public class LevelMoves {

	private static final Logger LOG = LoggerFactory.getLogger(LevelMoves.class);

	private final DaoRegistry daos;
	private final LevelOrganisations levels;
	private final Duration settleBefore;

	public LevelMoves(DaoRegistry daos, LevelOrganisations levels, ChronicProperties properties) {
		this.daos = daos;
		this.levels = levels;
		this.settleBefore = properties.settleBefore();
	}

	/**
	 * @param since when the plan's current grade began (its first reading)
	 * @param latest the newest reading the grade rests on
	 */
	public void consider(CarePlan plan, TriColourGrading.Verdict verdict, Instant since, Instant latest,
			TransactionDetails transaction) {
		Optional<Grade> managed = ChronicPlans.managingLevel(plan).or(() -> levels.levelOf(plan.getAuthor()));
		if (managed.isEmpty()) {
			return;
		}
		Grade target = verdict.grade();
		boolean settled = Duration.between(since, latest).compareTo(settleBefore) >= 0;
		Optional<Task> open = InTransaction.get(transaction, proposalKey(plan), Task.class)
				.filter(task -> task.getStatus() == TaskStatus.DRAFT).or(() -> openProposalOf(plan));
		if (open.isPresent()) {
			Task proposal = open.get();
			if (proposal.getStatus() != TaskStatus.DRAFT) {
				return;
			}
			if (target == managed.get()) {
				if (settled) {
					InTransaction.put(transaction, proposalKey(plan), withdraw(proposal, verdict));
				}
				return;
			}
			boolean higher = target.isWorseThan(managed.get());
			if (higher || settled) {
				InTransaction.put(transaction, proposalKey(plan), reAim(proposal, plan, target, verdict));
			}
			return;
		}
		if (target.isWorseThan(managed.get()) || target != managed.get() && settled) {
			propose(plan, managed.get(), target, verdict, transaction)
					.ifPresent(proposal -> InTransaction.put(transaction, proposalKey(plan), proposal));
		}
	}

	private static String proposalKey(CarePlan plan) {
		return "proposal|" + ChronicPlans.reference(plan);
	}

	/** The plan's proposal that is still open, if any. */
	public Optional<Task> openProposalOf(CarePlan plan) {
		SearchParameterMap query = SearchParameterMap.newSynchronous()
				.add(Task.SP_BASED_ON, new ReferenceParam(ChronicPlans.reference(plan)))
				.add(Task.SP_STATUS, new TokenOrListParam().add("draft").add("requested").add("received"));
		return daos.getResourceDao(Task.class).search(query, new SystemRequestDetails()).getAllResources().stream()
				.map(Task.class::cast).findFirst();
	}

	private Optional<Task> propose(CarePlan plan, Grade managed, Grade target, TriColourGrading.Verdict verdict,
			TransactionDetails transaction) {
		Optional<Organization> to = levels.of(plan, target);
		Optional<Organization> from = StoredResources.find(daos, Organization.class, plan.getAuthor().getReference());
		Optional<PractitionerRole> signer = from.flatMap(levels::someoneAt);
		if (to.isEmpty() || from.isEmpty() || signer.isEmpty()) {
			LOG.warn("No move proposed for {} ({} → {}): the organisation of the new level or a doctor to sign is unknown",
					plan.getIdElement().toUnqualifiedVersionless().getValue(), managed, target);
			return Optional.empty();
		}
		boolean up = target.isWorseThan(managed);
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(ReferralCategory.concept("转诊"));
		request.setCode(ReferralCategory.concept("慢病分级管理" + (up ? "上转" : "下转") + " (chronic care, moved "
				+ (up ? "up" : "down") + " a level)"));
		request.addExtension(Systems.EXT_REFERRAL_DIRECTION,
				new Coding(Systems.REFERRAL_DIRECTION, up ? "up" : "down", up ? "上转" : "下转"));
		request.addExtension(Systems.EXT_GREEN_CHANNEL, new BooleanType(false));
		request.setPriority(target == Grade.RED ? ServiceRequest.ServiceRequestPriority.URGENT
				: ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(plan.getSubject());
		request.setAuthoredOn(new Date());
		request.addBasedOn(new Reference(ChronicPlans.reference(plan)));
		request.setRequester(new Reference("PractitionerRole/" + signer.get().getIdElement().getIdPart()));
		request.addPerformer(LevelOrganisations.reference(to.get()));
		request.addReasonCode().setText(reason(target, verdict));
		request.addSupportingInfo(new Reference(verdict.reading().source()));
		// Created within the reading's own TransactionDetails: inside a transaction Bundle HAPI flushes only at
		// commit, and the Task's focus finds the new request through the ids the transaction has resolved.
		TransactionDetails within = transaction != null ? transaction : new TransactionDetails();
		String requestId = daos.getResourceDao(ServiceRequest.class).create(request, null, true, new SystemRequestDetails(), within)
				.getId().toUnqualifiedVersionless().getValue();

		Task task = new Task();
		task.setStatus(TaskStatus.DRAFT);
		task.setBusinessStatus(ReferralStateMachine.businessStatus(TaskStatus.DRAFT));
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(Systems.TASK_CODE, "fulfill", "Fulfill the focal request")));
		task.setFocus(new Reference(requestId));
		task.setFor(plan.getSubject());
		task.addBasedOn(new Reference(ChronicPlans.reference(plan)));
		task.setRequester(LevelOrganisations.reference(from.get()));
		task.setOwner(LevelOrganisations.reference(to.get()));
		task.setAuthoredOn(new Date());
		task.setLastModified(task.getAuthoredOn());
		task.setDescription(reason(target, verdict));
		return Optional.of((Task) daos.getResourceDao(Task.class).create(task, null, true, new SystemRequestDetails(), within)
				.getResource());
	}

	private Task reAim(Task proposal, CarePlan plan, Grade target, TriColourGrading.Verdict verdict) {
		Optional<Organization> to = levels.of(plan, target);
		if (to.isEmpty() || to.get().getIdElement().getIdPart().equals(proposal.getOwner().getReferenceElement().getIdPart())) {
			return proposal;
		}
		StoredResources.find(daos, ServiceRequest.class, proposal.getFocus().getReference()).ifPresent(request -> {
			request.getPerformer().clear();
			request.addPerformer(LevelOrganisations.reference(to.get()));
			request.getReasonCode().clear();
			request.addReasonCode().setText(reason(target, verdict));
			daos.getResourceDao(ServiceRequest.class).update(request, new SystemRequestDetails());
		});
		proposal.setId(proposal.getIdElement().toUnqualifiedVersionless());
		proposal.setOwner(LevelOrganisations.reference(to.get()));
		proposal.setDescription(reason(target, verdict));
		proposal.setLastModified(new Date());
		return (Task) daos.getResourceDao(Task.class).update(proposal, new SystemRequestDetails()).getResource();
	}

	private Task withdraw(Task proposal, TriColourGrading.Verdict verdict) {
		proposal.setId(proposal.getIdElement().toUnqualifiedVersionless());
		proposal.setStatus(TaskStatus.CANCELLED);
		proposal.setBusinessStatus(ReferralStateMachine.businessStatus(TaskStatus.CANCELLED));
		proposal.setStatusReason(new CodeableConcept().setText("分级已恢复，无需转诊 (the grade came back to the managing level: "
				+ verdict.reason() + ")"));
		proposal.setLastModified(new Date());
		Task withdrawn = (Task) daos.getResourceDao(Task.class).update(proposal, new SystemRequestDetails()).getResource();
		StoredResources.find(daos, ServiceRequest.class, proposal.getFocus().getReference()).ifPresent(request -> {
			request.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
			daos.getResourceDao(ServiceRequest.class).update(request, new SystemRequestDetails());
		});
		return withdrawn;
	}

	private static String reason(Grade target, TriColourGrading.Verdict verdict) {
		return "慢病分级变为" + target.chinese() + "，建议由" + target.levelCoding().getDisplay() + " (graded " + target.code()
				+ ", to be managed at " + target.levelCoding().getCode() + " level)：" + verdict.reason();
	}
}
