package org.onesheet.group.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.onesheet.group.demo.DemoGroup.Site;
import org.onesheet.identity.Systems;

/**
 * 基层检查、上级诊断 in the demo: ECGs recorded at township branches and read by the county ECG centre, in every
 * state of the worklist (waiting, claimed, preliminary, read, declined, cancelled), so that the reading centre's
 * worklist, the turnaround measure and the shared record all have something to show.
 */
final class RemoteReadingStudies {

	private static final TaskStatus[] STATES = {TaskStatus.REQUESTED, TaskStatus.INPROGRESS, TaskStatus.COMPLETED,
		TaskStatus.COMPLETED, TaskStatus.COMPLETED, TaskStatus.INPROGRESS, TaskStatus.REJECTED, TaskStatus.CANCELLED};

	private final DemoGroup group;
	private final LocalDate asOf;

	RemoteReadingStudies(DemoGroup group, LocalDate asOf) {
		this.group = group;
		this.asOf = asOf;
	}

	/** The request, its report if there is one yet (before the Task, which points at it), and the Task. */
	List<Resource> ecg(String patientId, Reference subject, Site township, int index, Random random) {
		TaskStatus state = STATES[index % STATES.length];
		boolean preliminaryOnly = state == TaskStatus.INPROGRESS && index % 2 == 0;
		Site centre = group.site(DemoGroup.ECG_CENTRE_ID);
		String reader = "PractitionerRole/" + group.roleAt(centre.id(), random);
		// Open studies were sent yesterday or the day before: never later today, which may still be ahead of the
		// clock when the demo loads in the morning (a Task's lastModified may not precede its authoredOn).
		LocalDate day = state == TaskStatus.REQUESTED || state == TaskStatus.INPROGRESS
				? asOf.minusDays(1 + random.nextInt(2)) : asOf.minusDays(3 + random.nextInt(60));
		Date requested = PatientRecords.toDate(day, 9 + random.nextInt(7));
		Date reported = new Date(requested.getTime() + (20 + random.nextInt(160)) * 60_000L);

		ServiceRequest request = new ServiceRequest();
		request.setId(patientId + "-rr-ecg");
		request.setStatus(state == TaskStatus.COMPLETED ? ServiceRequest.ServiceRequestStatus.COMPLETED
				: state == TaskStatus.CANCELLED || state == TaskStatus.REJECTED ? ServiceRequest.ServiceRequestStatus.REVOKED
				: ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(new CodeableConcept(new Coding(Systems.SERVICE_CATEGORY, "remote-reading", "远程诊断")));
		request.setCode(PatientRecords.loinc("11524-6", "EKG study", "十二导联心电图"));
		request.setPriority(index % 5 == 0 ? ServiceRequest.ServiceRequestPriority.STAT : ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(subject);
		request.setAuthoredOn(requested);
		request.setRequester(new Reference("PractitionerRole/" + group.roleAt(township.id(), random)));
		request.addPerformer(centre.reference());
		request.addReasonCode().setText(index % 5 == 0 ? "胸痛30分钟 (chest pain for 30 minutes)" : "高血压随访 (hypertension follow-up)");

		List<Resource> study = new ArrayList<>(List.of(request));
		DiagnosticReport report = null;
		if (state == TaskStatus.COMPLETED || preliminaryOnly) {
			report = report(patientId, request, subject, centre, reader, requested, reported, preliminaryOnly, random);
			study.add(report);
		}
		study.add(task(request, township, centre, reader, state, report, requested, reported));
		return study;
	}

	private static DiagnosticReport report(String patientId, ServiceRequest request, Reference subject, Site centre,
			String reader, Date recorded, Date issued, boolean preliminary, Random random) {
		DiagnosticReport report = new DiagnosticReport();
		report.setId(patientId + "-ecg");
		report.setStatus(preliminary ? DiagnosticReport.DiagnosticReportStatus.PRELIMINARY : DiagnosticReport.DiagnosticReportStatus.FINAL);
		report.addBasedOn(new Reference("ServiceRequest/" + request.getIdElement().getIdPart()));
		report.addCategory(new CodeableConcept(new Coding(Systems.DIAGNOSTIC_SERVICE_SECTION, "EC", "Electrocardiac")));
		report.setCode(PatientRecords.loinc("11524-6", "EKG study", "十二导联心电图"));
		report.setSubject(subject);
		report.setEffective(new DateTimeType(recorded));
		report.setIssued(issued);
		report.addPerformer(centre.reference());
		report.addResultsInterpreter(new Reference(reader));
		String conclusion = random.nextBoolean() ? "窦性心律，正常心电图" : "窦性心律，左心室高电压";
		report.setConclusion(conclusion + (preliminary ? "（初步意见，待复核）" : "（乡镇采集，县心电诊断中心远程诊断）"));
		return report;
	}

	private static Task task(ServiceRequest request, Site township, Site centre, String reader, TaskStatus state,
			DiagnosticReport report, Date requested, Date reported) {
		Task task = new Task();
		task.setId(request.getIdElement().getIdPart() + "-task");
		task.setStatus(state);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(Systems.TASK_CODE, "fulfill", "Fulfill the focal request")));
		task.setFocus(new Reference("ServiceRequest/" + request.getIdElement().getIdPart()));
		task.setFor(request.getSubject());
		task.setPriority(Task.TaskPriority.fromCode(request.getPriority().toCode()));
		task.setRequester(township.reference());
		task.setAuthoredOn(requested);
		task.setLastModified(state == TaskStatus.REQUESTED ? requested : reported);
		boolean claimed = state == TaskStatus.INPROGRESS || state == TaskStatus.COMPLETED;
		task.setOwner(claimed ? new Reference(reader) : centre.reference());
		if (claimed) {
			task.setExecutionPeriod(new Period().setStart(new Date(requested.getTime() + 10 * 60_000L)));
		}
		if (report != null) {
			task.addOutput().setType(new CodeableConcept(new Coding(Systems.SERVICE_CATEGORY, "remote-reading", "远程诊断")).setText("远程诊断报告"))
					.setValue(new Reference("DiagnosticReport/" + report.getIdElement().getIdPart()));
		}
		if (state == TaskStatus.COMPLETED) {
			task.getExecutionPeriod().setEnd(reported);
			task.setBusinessStatus(new CodeableConcept(new Coding(Systems.READING_STATUS, "final-report", "已出终审报告")));
			task.addExtension(Systems.EXT_READING_TURNAROUND, new Duration()
					.setValue((reported.getTime() - requested.getTime()) / 60_000).setUnit("min").setSystem(Systems.UCUM).setCode("min"));
		} else if (report != null) {
			task.setBusinessStatus(new CodeableConcept(new Coding(Systems.READING_STATUS, "preliminary-report", "初步报告")));
		} else if (state == TaskStatus.REJECTED) {
			task.setStatusReason(new CodeableConcept().setText("基线漂移严重，请重新采集 (baseline wander: record again)"));
		} else if (state == TaskStatus.CANCELLED) {
			task.setStatusReason(new CodeableConcept().setText("患者已转上级医院就诊 (the patient went to the county hospital)"));
		}
		return task;
	}
}
