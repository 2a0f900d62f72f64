package org.onesheet.group.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.onesheet.group.demo.DemoGroup.Site;
import org.onesheet.identity.Systems;
import org.onesheet.referral.ReferralCategory;
import org.onesheet.referral.ReferralStateMachine;

/**
 * Demo referrals (双向转诊) as a ServiceRequest plus the Task that tracks it: township branches refer
 * patients up to the county hospital, and the county refers treated patients back down for rehabilitation.
 */
final class Referrals {

	private final DemoGroup group;
	private final LocalDate asOf;

	Referrals(DemoGroup group, LocalDate asOf) {
		this.group = group;
		this.asOf = asOf;
	}

	/** 上转: the township branch sends a poorly controlled patient to the county hospital. */
	List<Resource> upward(String patientId, Reference subject, Site township, Random random) {
		boolean done = random.nextBoolean();
		ServiceRequest request = upwardRequest(patientId + "-ref-up", subject, township, random.nextInt(3) == 0, random);
		request.setStatus(done ? ServiceRequest.ServiceRequestStatus.COMPLETED : ServiceRequest.ServiceRequestStatus.ACTIVE);
		LocalDate day = asOf.minusDays(2 + random.nextInt(40));
		request.setAuthoredOn(PatientRecords.toDate(day, 9));
		Task task = task(request, township, group.site(DemoGroup.COUNTY_HOSPITAL_ID), day, done);
		return List.of(request, task);
	}

	/** A backlog's referrals written this many days ago or later are still open; older ones were seen. */
	static final int BACKLOG_OPEN_DAYS = 4;

	/**
	 * One more 上转 of a resident, number {@code n} in a backlog (the benchmark's 10⁵ referral Tasks), written on a
	 * day of the last three years: those of the last few days still wait in the county hospital's inbox, the rest
	 * were seen, as in a group that works through its referrals within days.
	 */
	List<Resource> backlog(String patientId, Site township, int n, Random random) {
		LocalDate day = asOf.minusDays(2 + random.nextInt(3 * 365));
		boolean done = day.isBefore(asOf.minusDays(BACKLOG_OPEN_DAYS));
		ServiceRequest request = upwardRequest(patientId + "-ref-bl-" + n, new Reference("Patient/" + patientId), township,
				false, random);
		request.setStatus(done ? ServiceRequest.ServiceRequestStatus.COMPLETED : ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setAuthoredOn(PatientRecords.toDate(day, 9));
		return List.of(request, task(request, township, group.site(DemoGroup.COUNTY_HOSPITAL_ID), day, done));
	}

	/** A township's 上转 to the county hospital, its requester one of the township's staff (one draw of {@code random}). */
	private ServiceRequest upwardRequest(String id, Reference subject, Site township, boolean greenChannel, Random random) {
		ServiceRequest request = request(id, subject, "up", "上转", greenChannel);
		request.setRequester(new Reference("PractitionerRole/" + group.roleAt(township.id(), random)));
		request.addPerformer(group.site(DemoGroup.COUNTY_HOSPITAL_ID).reference());
		request.addReasonCode().setText("血压控制不佳，需上级医院调整治疗方案 (blood pressure poorly controlled)");
		return request;
	}

	/** 下转: the county hospital sends a treated patient home to the township branch for rehabilitation. */
	List<Resource> downward(String patientId, Reference subject, Site township, Random random) {
		boolean done = random.nextBoolean();
		Site county = group.site(DemoGroup.COUNTY_HOSPITAL_ID);
		ServiceRequest request = request(patientId + "-ref-down", subject, "down", "下转", false);
		request.setRequester(new Reference("PractitionerRole/" + group.roleAt(county.id(), random)));
		request.addPerformer(township.reference());
		request.addReasonCode().setText("病情稳定，转回基层康复及慢病随访 (stable: rehabilitation and follow-up at home)");
		request.setStatus(done ? ServiceRequest.ServiceRequestStatus.COMPLETED : ServiceRequest.ServiceRequestStatus.ACTIVE);
		LocalDate day = asOf.minusDays(1 + random.nextInt(30));
		request.setAuthoredOn(PatientRecords.toDate(day, 15));
		return List.of(request, task(request, county, township, day, done));
	}

	private static ServiceRequest request(String id, Reference subject, String direction, String chinese,
			boolean greenChannel) {
		ServiceRequest request = new ServiceRequest();
		request.setId(id);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(ReferralCategory.concept("转诊"));
		request.setCode(ReferralCategory.concept(chinese));
		request.addExtension(Systems.EXT_REFERRAL_DIRECTION,
				new Coding(Systems.REFERRAL_DIRECTION, direction, chinese));
		request.addExtension(Systems.EXT_GREEN_CHANNEL, new BooleanType(greenChannel));
		request.setPriority(greenChannel ? ServiceRequest.ServiceRequestPriority.URGENT
				: ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(subject);
		return request;
	}

	private static Task task(ServiceRequest request, Site from, Site to, LocalDate day, boolean done) {
		Task task = new Task();
		task.setId(request.getIdElement().getIdPart() + "-task");
		task.setStatus(done ? Task.TaskStatus.COMPLETED : Task.TaskStatus.REQUESTED);
		task.setBusinessStatus(ReferralStateMachine.businessStatus(task.getStatus()));
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(Systems.TASK_CODE, "fulfill",
				"Fulfill the focal request")));
		task.setFocus(new Reference("ServiceRequest/" + request.getIdElement().getIdPart()));
		task.setFor(request.getSubject());
		task.setRequester(from.reference());
		task.setOwner(to.reference());
		task.setAuthoredOn(PatientRecords.toDate(day, 9));
		task.setLastModified(PatientRecords.toDate(done ? day.plusDays(3) : day, 16));
		if (done) {
			// Accepted within one to forty hours (from the id, not the random stream, so the rest of the demo stays put).
			long hours = 1 + Math.floorMod(task.getIdElement().getIdPart().hashCode(), 40);
			task.getExecutionPeriod().setStart(new java.util.Date(task.getAuthoredOn().getTime() + hours * 3_600_000L))
					.setEnd(task.getLastModified());
			task.addOutput().setType(new CodeableConcept(new Coding(Systems.REFERRAL_OUTPUT_TYPE, "feedback", "回执")))
					.setValue(new StringType(to.name() + "已接诊，诊疗结果已反馈转出机构。 (seen; feedback sent to the referrer)"));
		}
		return task;
	}
}
