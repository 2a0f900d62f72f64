package org.onesheet.diagnosis;

import static org.onesheet.system.Refusals.conflict;
import static org.onesheet.system.Refusals.forbidden;
import static org.onesheet.system.Refusals.unprocessable;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.security.ActingOrganization;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * The reading centre's worklist: each remote-reading request has a Task owned by the reading centre, which a
 * reader claims ({@code requested → in-progress}, owner the reader's PractitionerRole at the centre), may
 * release ({@code in-progress → requested}, owner the centre again) or decline with a reason
 * ({@code rejected}: a study that cannot be read). The requester may cancel an open one. Only the final report
 * completes it ({@link ReadingReports}): a client cannot mark a study read without one.
 *
 * <p>Two readers claiming the same study: whoever commits first owns it. The other either finds it already
 * in progress under someone else (409 naming the owner) or, if both wrote at the same moment, loses HAPI's
 * version check on the Task row (409). Nothing of the loser's claim is written.
 */
@Component
@Interceptor
public class ReadingWorklist {

	static final int ORDER = 10;

	private final RemoteReadings readings;
	private final DaoRegistry daos;

	public ReadingWorklist(RemoteReadings readings, DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.readings = readings;
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(RequestDetails request, IBaseResource resource, TransactionDetails transaction) {
		if (resource instanceof ServiceRequest study && RemoteReadings.isRemoteReading(study)
				&& !study.hasAuthoredOn()) {
			study.setAuthoredOn(new Date()); // the turnaround is counted from here
		}
		if (!(resource instanceof Task task)) {
			return;
		}
		Optional<ServiceRequest> study = readings.requestOf(task, transaction);
		if (study.isEmpty()) {
			return;
		}
		Date now = new Date();
		if (task.getStatus() == null) {
			task.setStatus(TaskStatus.REQUESTED);
		}
		if (task.getIntent() == null) {
			task.setIntent(Task.TaskIntent.ORDER);
		}
		if (!task.hasAuthoredOn()) {
			task.setAuthoredOn(now);
		}
		task.setLastModified(now);
		if (!task.hasPriority() && study.get().hasPriority()) {
			// The worklist puts stat studies first by the Task's priority.
			task.setPriority(Task.TaskPriority.fromCode(study.get().getPriority().toCode()));
		}
		Optional<String> actor = ActingOrganization.of(request);
		if (actor.isPresent()) {
			if (task.getStatus() != TaskStatus.REQUESTED) {
				throw conflict("新的远程诊断任务应为 requested (a new reading Task starts as requested, not "
						+ task.getStatus().toCode() + ")", "Task.status");
			}
			if (!actor.get().equals(reference(task.getRequester()))) {
				throw forbidden("只有申请机构可以发起远程诊断 (only the requesting organisation, the Task's requester, can send it: "
						+ ActingOrganization.SOURCE + " is " + actor.get() + ")", "Task.requester");
			}
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource,
			TransactionDetails transaction) {
		if (!(resource instanceof Task task) || !(previous instanceof Task before)
				|| !readings.isReadingTask(task, transaction)) {
			return;
		}
		TaskStatus from = before.getStatus();
		TaskStatus to = task.getStatus();
		boolean ownerChanged = !reference(before.getOwner()).equals(reference(task.getOwner()));
		if (from == to && !ownerChanged) {
			return;
		}
		if (!ActingOrganization.isMemberActing(request)) {
			return; // the server's own move: completing on the final report
		}
		String actor = ActingOrganization.of(request).orElseThrow(() -> forbidden("须以机构身份操作 (a client registered to an organisation must act here: "
				+ ActingOrganization.SOURCE + " names none)", "Task"));
		if (from == TaskStatus.REQUESTED && to == TaskStatus.INPROGRESS) {
			claim(actor, before, task);
		} else if (from == TaskStatus.INPROGRESS && to == TaskStatus.INPROGRESS) {
			throw conflict("该检查已由 " + reference(before.getOwner()) + " 认领 (the study is already claimed by "
					+ reference(before.getOwner()) + "; it must release it first)", "Task.owner");
		} else if (from == TaskStatus.INPROGRESS && to == TaskStatus.REQUESTED) {
			release(actor, before, task);
		} else if ((from == TaskStatus.REQUESTED || from == TaskStatus.INPROGRESS) && to == TaskStatus.REJECTED) {
			requireCentre(actor, before, task);
			if (!task.hasStatusReason()) {
				throw unprocessable("退回须说明原因 (a declined study needs a statusReason, e.g. 图像不清晰)", "Task.statusReason");
			}
		} else if ((from == TaskStatus.REQUESTED || from == TaskStatus.INPROGRESS) && to == TaskStatus.CANCELLED) {
			if (!actor.equals(reference(before.getRequester()))) {
				throw forbidden("只有申请机构可以撤销 (only the requester " + reference(before.getRequester())
						+ " can cancel a reading)", "Task.status");
			}
		} else if (to == TaskStatus.COMPLETED) {
			throw conflict("提交终审报告即完成 (a study is completed by posting its final RemoteReadingReport, "
					+ "not by setting the Task's status)", "Task.status");
		} else {
			throw conflict("远程诊断任务不能从 " + code(from) + " 改为 " + code(to) + " (a reading Task cannot move from "
					+ code(from) + " to " + code(to) + "; allowed: requested → in-progress (claim), in-progress → "
					+ "requested (release), → rejected (centre), → cancelled (requester))", "Task.status");
		}
		task.setLastModified(new Date());
	}

	private void claim(String actor, Task before, Task task) {
		String centre = centreOf(before);
		requireCentre(actor, before, task);
		IdType owner = new IdType(reference(task.getOwner()));
		if (!"PractitionerRole".equals(owner.getResourceType())) {
			throw unprocessable("认领时 owner 应为阅片医生的 PractitionerRole (when claiming, owner is the reader's "
					+ "PractitionerRole at " + centre + ")", "Task.owner");
		}
		Optional<PractitionerRole> reader = StoredResources.find(daos, PractitionerRole.class, owner.getValue());
		if (reader.isPresent() && !centre.equals(reference(reader.get().getOrganization()))) {
			throw unprocessable("阅片医生须属于 " + centre + " (the reader " + owner.getValue() + " works for "
					+ reference(reader.get().getOrganization()) + ", not the reading centre " + centre + ")", "Task.owner");
		}
		if (!task.getExecutionPeriod().hasStart()) {
			task.getExecutionPeriod().setStart(new Date());
		}
	}

	private void release(String actor, Task before, Task task) {
		requireCentre(actor, before, task);
		task.setOwner(new Reference(centreOf(before)));
	}

	private void requireCentre(String actor, Task before, Task task) {
		String centre = centreOf(before);
		if (!actor.equals(centre)) {
			throw forbidden("只有诊断中心 " + centre + " 可以认领、释放或退回 (only the reading centre " + centre
					+ " can claim, release or decline this study; " + ActingOrganization.SOURCE + " is " + actor + ")",
					"Task.owner");
		}
	}

	/** The reading centre: the Task's owner while unclaimed, the claiming reader's organisation after. */
	private String centreOf(Task before) {
		String owner = reference(before.getOwner());
		if (owner.startsWith("Organization/")) {
			return owner;
		}
		return StoredResources.find(daos, PractitionerRole.class, owner)
				.map(role -> reference(role.getOrganization())).orElse(owner);
	}

	static String reference(Reference reference) {
		return reference == null || reference.getReference() == null ? ""
				: new IdType(reference.getReference()).toUnqualifiedVersionless().getValue();
	}

	private static String code(TaskStatus status) {
		return status == null ? "(none)" : status.toCode();
	}
}
