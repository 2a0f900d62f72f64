package org.onesheet.referral;

import org.onesheet.system.ChinaTime;
import org.onesheet.system.StoredResources;
import org.onesheet.system.Refusals;
import org.onesheet.security.ActingOrganization;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralStateMachine.Party;
import org.springframework.stereotype.Component;

/**
 * Holds every write of a referral Task to {@link ReferralStateMachine}, whether it comes as an update, a
 * PATCH or inside a transaction: a new referral starts requested (or draft); a change of status must be an
 * allowed move made by the right side (the owner moves it forward, the requester cancels), else 409 naming
 * the current state and the allowed moves (403 when the organisation is on neither side). The server keeps
 * {@code businessStatus} in step when the client leaves it as it was.
 *
 * <p>A create that names no acting organisation records a referral rather than sending one (the demo load,
 * or importing a group's referral archive): it may start in any state. Until tokens say who may import
 * (the security issue), that is any client that leaves the header out; a change of state always needs it,
 * and the server's own writes may only make moves the machine allows.
 *
 * <p>Runs before profile validation (order {@value #ORDER}), so that what the server fills in is validated
 * too.
 */
@Component
@Interceptor
public class ReferralTransitions {

	static final int ORDER = 10;

	private final ReferralTasks referralTasks;
	private final DaoRegistry daos;

	public ReferralTransitions(ReferralTasks referralTasks, DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.referralTasks = referralTasks;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(RequestDetails request, IBaseResource resource, TransactionDetails transaction) {
		if (resource instanceof ServiceRequest referral && ReferralCategory.isBrokered(referral)) {
			fillWhatTheServerOwns(referral, ActingOrganization.of(request).isPresent());
			return;
		}
		if (!(resource instanceof Task task) || !referralTasks.isBrokered(task, transaction)) {
			return;
		}
		Optional<String> actor = ActingOrganization.of(request);
		if (actor.isPresent()) {
			fillWhatTheServerOwns(task);
		}
		if (!task.hasPriority()) {
			ServiceRequest focus = referralTasks.focusOf(task, transaction);
			if (focus.hasPriority()) {
				// The Task carries its request's urgency, so that inboxes can put stat ones first.
				task.setPriority(Task.TaskPriority.fromCode(focus.getPriority().toCode()));
			}
		}
		if (actor.isPresent()) {
			if (!ReferralStateMachine.INITIAL.contains(task.getStatus())) {
				throw conflict("新转诊应以 requested 或 draft 状态发起 (a new referral Task starts as requested or draft, not "
						+ code(task.getStatus()) + ")");
			}
			if (!actor.get().equals(reference(task.getRequester().getReference()))) {
				throw forbidden("只有转出机构可以发起转诊 (only the referring organisation, the Task's requester, can send it: "
						+ ActingOrganization.SOURCE + " is " + actor.get() + ")");
			}
		}
		if (task.hasPartOf()) {
			checkReRouting(task);
		}
		if (!task.hasBusinessStatus() && task.getStatus() != null) {
			task.setBusinessStatus(ReferralStateMachine.businessStatus(task.getStatus()));
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource,
			TransactionDetails transaction) {
		if (!(resource instanceof Task task) || !(previous instanceof Task before)
				|| !referralTasks.isBrokered(task, transaction)) {
			return;
		}
		TaskStatus from = before.getStatus();
		TaskStatus to = task.getStatus();
		if (from == to || from == null || to == null) {
			return; // no move; a missing status is the profile's to refuse (422)
		}
		if (ActingOrganization.isMemberActing(request)) {
			Party party = partyOf(request, before);
			Optional<String> refusal = ReferralStateMachine.refusal(from, to, party);
			if (refusal.isPresent()) {
				throw party == Party.NEITHER ? forbidden(refusal.get()) : conflict(refusal.get());
			}
		} else if (!ReferralStateMachine.isMove(from, to)) {
			throw conflict(ReferralStateMachine.refusal(from, to, Party.OWNER).orElseThrow());
		}
		task.setLastModified(new Date());
		if (to == TaskStatus.ACCEPTED && !task.getExecutionPeriod().hasStart()) {
			// When the receiving organisation took the referral on: the acceptance-time measure reads it.
			task.getExecutionPeriod().setStart(task.getLastModified());
		}
		if (businessStatusCode(task).equals(businessStatusCode(before))) {
			task.setBusinessStatus(ReferralStateMachine.businessStatus(to));
		}
	}

	/** A request sent now is authored now and starts active, unless the client said otherwise. */
	private static void fillWhatTheServerOwns(ServiceRequest request, boolean sentNow) {
		if (!request.hasAuthoredOn()) {
			request.setAuthoredOn(new Date());
		}
		if (sentNow && request.getStatus() == null) {
			request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		}
		if (sentNow && request.getIntent() == null) {
			request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		}
	}

	/** A referral sent now is authored now, starts requested, and gets the group's referral number (转诊单号). */
	private static void fillWhatTheServerOwns(Task task) {
		Date now = new Date();
		if (task.getStatus() == null) {
			task.setStatus(TaskStatus.REQUESTED);
		}
		if (task.getIntent() == null) {
			task.setIntent(Task.TaskIntent.ORDER);
		}
		task.setAuthoredOn(now);
		task.setLastModified(now);
		if (task.getIdentifier().stream().noneMatch(id -> Systems.REFERRAL_NUMBER.equals(id.getSystem()))) {
			String serial = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
			task.addIdentifier().setSystem(Systems.REFERRAL_NUMBER)
					.setValue("ZZ" + LocalDate.now(ChinaTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + serial);
		}
	}

	/**
	 * 改派: a declined referral goes on to another department or hospital of the group as a new Task
	 * {@code partOf} the declined one, for the same ServiceRequest and from the same requester, so that the
	 * history stays in one chain.
	 */
	private void checkReRouting(Task task) {
		Optional<Task> found = StoredResources.find(daos, Task.class, task.getPartOfFirstRep().getReference());
		if (found.isEmpty()) {
			return; // referential integrity reports it
		}
		Task declined = found.get();
		if (declined.getStatus() != TaskStatus.REJECTED) {
			throw conflict("只能改派已拒绝的转诊 (only a rejected referral can be re-routed; "
					+ declined.getIdElement().toUnqualifiedVersionless().getValue() + " is " + code(declined.getStatus()) + ")");
		}
		if (!reference(declined.getFocus().getReference()).equals(reference(task.getFocus().getReference()))
				|| !reference(declined.getRequester().getReference()).equals(reference(task.getRequester().getReference()))) {
			throw conflict("改派须沿用原转诊申请与转出机构 (a re-routed referral keeps the declined one's focus and requester)");
		}
		if (reference(declined.getOwner().getReference()).equals(reference(task.getOwner().getReference()))) {
			throw conflict("改派须换一家接收机构 (a re-routed referral goes to another organisation than the one that declined it)");
		}
	}

	private static Party partyOf(RequestDetails request, Task task) {
		String actor = ActingOrganization.of(request).orElseThrow(() -> new InvalidRequestException(
				"更改转诊状态须以机构身份进行 (changing a referral's status needs a client registered to an organisation: "
						+ ActingOrganization.SOURCE + " names none)"));
		if (actor.equals(reference(task.getOwner().getReference()))) {
			return Party.OWNER;
		}
		return actor.equals(reference(task.getRequester().getReference())) ? Party.REQUESTER : Party.NEITHER;
	}

	private static String reference(String reference) {
		return reference == null ? "" : new IdType(reference).toUnqualifiedVersionless().getValue();
	}

	private static String businessStatusCode(Task task) {
		return task.getBusinessStatus().getCoding().stream()
				.filter(coding -> Systems.REFERRAL_STATUS.equals(coding.getSystem()))
				.map(Coding::getCode).findFirst().orElse("");
	}

	private static String code(TaskStatus status) {
		return status == null ? "no status" : status.toCode();
	}

	private static ResourceVersionConflictException conflict(String message) {
		return Refusals.conflict(message, "Task.status");
	}

	private static ForbiddenOperationException forbidden(String message) {
		return Refusals.forbidden(message, "Task.status");
	}
}
