package org.onesheet.diagnosis;

import static org.onesheet.system.Refusals.conflict;
import static org.onesheet.system.Refusals.forbidden;
import static org.onesheet.system.Refusals.unprocessable;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.identity.Systems;
import org.onesheet.security.ActingOrganization;
import org.onesheet.system.StoredResources;
import org.springframework.stereotype.Component;

/**
 * A reading centre's report on a remote-reading request moves the study along in the same database
 * transaction: a preliminary report is attached to the Task (business status preliminary); the final one
 * completes the Task and the request and records the turnaround, minutes from the request to the report
 * (extension {@code reading-turnaround}, read by the group's turnaround measure). The report must come from
 * the reader who claimed the study, at the centre the study was sent to.
 *
 * <p>Runs before commit, once the report has its id; refusing rolls the report back with it.
 */
@Component
@Interceptor
public class ReadingReports {

	private final DaoRegistry daos;

	public ReadingReports(DaoRegistry daos, IInterceptorService storageInterceptors) {
		this.daos = daos;
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource) {
		apply(request, resource);
	}

	/** HAPI hands the previous contents first, then the new: both are declared so the new one is the one read. */
	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource newResource) {
		apply(request, newResource);
	}

	private void apply(RequestDetails request, IBaseResource resource) {
		if (!(resource instanceof DiagnosticReport report) || !report.hasBasedOn()) {
			return;
		}
		Optional<ServiceRequest> study = StoredResources.find(daos, ServiceRequest.class,
				report.getBasedOnFirstRep().getReference()).filter(RemoteReadings::isRemoteReading);
		if (study.isEmpty() || !isReport(report.getStatus())) {
			return;
		}
		Optional<Task> worklistTask = worklistTaskOf(study.get());
		if (worklistTask.isEmpty()) {
			return; // a reading arranged outside the worklist, or an imported archive: nothing to move
		}
		Task task = worklistTask.get();
		String centre = ReadingWorklist.reference(study.get().getPerformerFirstRep());
		Optional<String> actor = ActingOrganization.of(request);
		if (actor.isPresent() && !actor.get().equals(centre)) {
			throw forbidden("只有诊断中心 " + centre + " 可以出具报告 (only the reading centre " + centre
					+ " reports on this study; " + ActingOrganization.SOURCE + " is " + actor.get() + ")", "DiagnosticReport");
		}
		if (!centre.equals(ReadingWorklist.reference(report.getPerformerFirstRep()))) {
			throw unprocessable("报告的 performer 应为诊断中心 " + centre + " (the report's performer must be the reading centre "
					+ centre + ")", "DiagnosticReport.performer");
		}
		if (task.getStatus() == TaskStatus.COMPLETED) {
			if (report.getStatus() == DiagnosticReportStatus.FINAL) {
				return; // a correction of a read study: the study stays completed
			}
			throw conflict("该检查已出终审报告 (the study already has its final report; amend or correct that one)",
					"DiagnosticReport.status");
		}
		if (task.getStatus() != TaskStatus.INPROGRESS) {
			throw conflict("请先认领该检查 (claim the study first: its Task " + task.getIdElement().toUnqualifiedVersionless()
					.getValue() + " is " + task.getStatus().toCode() + ")", "DiagnosticReport.basedOn");
		}
		String reader = ReadingWorklist.reference(task.getOwner());
		if (report.getResultsInterpreter().stream().noneMatch(interpreter -> reader.equals(ReadingWorklist.reference(interpreter)))) {
			throw conflict("该检查由 " + reader + " 认领，报告须由其出具 (the study is claimed by " + reader
					+ ", who must be among the report's resultsInterpreter)", "DiagnosticReport.resultsInterpreter");
		}
		attach(task, report);
		if (report.getStatus() == DiagnosticReportStatus.PRELIMINARY) {
			task.setBusinessStatus(new CodeableConcept(new Coding(Systems.READING_STATUS, "preliminary-report", "初步报告")));
		} else {
			complete(task, study.get(), report);
		}
		task.setLastModified(new Date());
		daos.getResourceDao(Task.class).update(task, new SystemRequestDetails());
	}

	private static boolean isReport(DiagnosticReportStatus status) {
		return status == DiagnosticReportStatus.PRELIMINARY || status == DiagnosticReportStatus.FINAL
				|| status == DiagnosticReportStatus.AMENDED || status == DiagnosticReportStatus.CORRECTED;
	}

	private Optional<Task> worklistTaskOf(ServiceRequest study) {
		SearchParameterMap byFocus = SearchParameterMap.newSynchronous()
				.add(Task.SP_FOCUS, new ReferenceParam(study.getIdElement().toUnqualifiedVersionless().getValue()));
		List<IBaseResource> tasks = daos.getResourceDao(Task.class).search(byFocus, new SystemRequestDetails()).getAllResources();
		return tasks.stream().map(Task.class::cast)
				.filter(task -> task.getStatus() != TaskStatus.CANCELLED && task.getStatus() != TaskStatus.REJECTED)
				.findFirst();
	}

	private static void attach(Task task, DiagnosticReport report) {
		String id = report.getIdElement().toUnqualifiedVersionless().getValue();
		if (task.getOutput().stream().noneMatch(output -> output.getValue() instanceof Reference ref
				&& id.equals(ReadingWorklist.reference(ref)))) {
			task.addOutput().setType(new CodeableConcept(new Coding(Systems.SERVICE_CATEGORY, RemoteReadings.CATEGORY,
					"远程诊断报告")).setText("远程诊断报告 (reading report)")).setValue(new Reference(id));
		}
	}

	private void complete(Task task, ServiceRequest study, DiagnosticReport report) {
		Date reported = report.hasIssued() ? report.getIssued() : new Date();
		Date requested = study.hasAuthoredOn() ? study.getAuthoredOn() : task.getAuthoredOn();
		task.setStatus(TaskStatus.COMPLETED);
		task.setBusinessStatus(new CodeableConcept(new Coding(Systems.READING_STATUS, "final-report", "已出终审报告")));
		task.getExecutionPeriod().setEnd(reported);
		if (requested != null) {
			long minutes = Math.max(0, (reported.getTime() - requested.getTime()) / 60_000);
			task.getExtension().removeIf(extension -> Systems.EXT_READING_TURNAROUND.equals(extension.getUrl()));
			task.addExtension(Systems.EXT_READING_TURNAROUND, new Duration().setValue(minutes).setUnit("min")
					.setSystem(Systems.UCUM).setCode("min"));
		}
		study.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
		daos.getResourceDao(ServiceRequest.class).update(study, new SystemRequestDetails());
	}
}
