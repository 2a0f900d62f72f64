package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesheet.referral.TestReferrals.PATIENT;
import static org.onesheet.referral.TestReferrals.TOWNSHIP;
import static org.onesheet.referral.TestReferrals.TOWNSHIP_GP;
import static org.onesheet.referral.TestReferrals.move;
import static org.onesheet.referral.TestReferrals.sendUpward;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;

/**
 * A receiving clinic's inbox (stat consultations first), remote consultation (远程会诊) with the two doctors'
 * Communications, and the referral archive searched by party, direction, patient, status and date.
 */
public interface InboxAndArchiveContract {

	String COUNTY_NEUROLOGIST = "PractitionerRole/jmse-role-003a";

	FhirEndpoint endpoint();

	private String newDepartment(String name) {
		Organization department = new Organization();
		department.setName(name).setActive(true).setPartOf(new Reference(TestReferrals.COUNTY));
		return endpoint().client().create().resource(department).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** 远程会诊: a consultation request and its Task, sent by the township like a referral. */
	private Task requestStatConsultation(String to) {
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(new CodeableConcept(new Coding(Systems.SNOMED_CT, ReferralCategory.SNOMED_CONSULTATION,
				"Consultation")).setText("远程会诊"));
		request.setPriority(ServiceRequest.ServiceRequestPriority.STAT);
		request.getCode().setText("远程会诊：疑似急性脑卒中 (suspected acute stroke)");
		request.setSubject(new Reference(PATIENT)).setRequester(new Reference(TOWNSHIP_GP)).addPerformer(new Reference(to));
		request.addReasonCode().setText("左侧肢体无力2小时 (left-sided weakness for two hours)");
		return TestReferrals.send(endpoint(), request, TOWNSHIP, to);
	}

	private Bundle search(String query) {
		return endpoint().client().search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	private static List<String> matches(Bundle bundle, String type) {
		return bundle.getEntry().stream()
				.filter(entry -> entry.getSearch().getMode() == SearchEntryMode.MATCH && entry.getResource().fhirType().equals(type))
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	private static String id(Task task) {
		return task.getIdElement().toUnqualifiedVersionless().getValue();
	}

	@Test
	default void aStatConsultationHeadsTheInboxAboveNewerRoutineReferrals() {
		String stroke = newDepartment("吉木萨尔县总医院卒中中心远程会诊室");
		Task older = sendUpward(endpoint(), stroke, false, request -> {
		});
		Task stat = requestStatConsultation(stroke);
		Task newer = sendUpward(endpoint(), stroke, false, request -> {
		});
		move(endpoint(), older, TaskStatus.RECEIVED, stroke);

		Bundle inbox = search("Task?owner=" + stroke + "&status=requested,received&_sort=-authored-on"
				+ "&_include=Task:focus&_include=Task:patient");

		assertThat(matches(inbox, "Task")).containsExactly(id(stat), id(newer), id(older));
		assertThat(inbox.getEntry()).filteredOn(entry -> entry.getSearch().getMode() == SearchEntryMode.INCLUDE)
				.extracting(entry -> entry.getResource().fhirType()).contains("ServiceRequest", "Patient");
		assertThat(stat.getPriority()).isEqualTo(Task.TaskPriority.STAT);
	}

	@Test
	default void theTwoDoctorsOfAConsultationTalkInCommunicationsAndTheTaskFollowsTheStateMachine() {
		String stroke = newDepartment("吉木萨尔县总医院卒中中心会诊");
		Task consultation = requestStatConsultation(stroke);
		String request = consultation.getFocus().getReference();
		post(communication(request, TOWNSHIP_GP, COUNTY_NEUROLOGIST, "患者男，67岁，左侧肢体无力2小时，头颅CT未见出血。"));
		post(communication(request, COUNTY_NEUROLOGIST, TOWNSHIP_GP, "考虑急性缺血性卒中，在溶栓时间窗内，请立即走绿色通道上转。"));

		Bundle thread = search("Communication?based-on=" + request + "&_sort=sent");
		assertThat(thread.getEntry()).extracting(entry -> ((Communication) entry.getResource()).getPayloadFirstRep()
				.getContentStringType().getValue()).hasSize(2).first().asString().contains("左侧肢体无力");

		Task accepted = move(endpoint(), move(endpoint(), consultation, TaskStatus.RECEIVED, stroke), TaskStatus.ACCEPTED, stroke);
		assertThat(accepted.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("accepted");
	}

	private void post(Communication communication) {
		endpoint().client().create().resource(communication).execute();
	}

	private static Communication communication(String request, String from, String to, String text) {
		Communication message = new Communication();
		message.setStatus(Communication.CommunicationStatus.COMPLETED);
		message.addBasedOn(new Reference(request)).setSubject(new Reference(PATIENT));
		message.setSender(new Reference(from)).addRecipient(new Reference(to)).setSent(new Date());
		message.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(text));
		return message;
	}

	@Test
	default void theArchiveIsSearchableByPartyDirectionPatientStatusAndDate() {
		String ward = newDepartment("吉木萨尔县总医院心内科病房");
		Task up = sendUpward(endpoint(), ward, true, request -> {
		});

		assertThat(matches(search("Task?party=" + ward + "&focus:ServiceRequest.direction=up"), "Task")).containsExactly(id(up));
		assertThat(matches(search("Task?party=" + ward + "&focus:ServiceRequest.direction=down"), "Task")).isEmpty();
		assertThat(matches(search("Task?party=" + TOWNSHIP + "&owner=" + ward + "&status=requested"), "Task"))
				.containsExactly(id(up));
		assertThat(matches(search("Task?patient=" + PATIENT + "&owner=" + ward + "&authored-on=ge"
				+ new java.text.SimpleDateFormat("yyyy-MM-dd").format(new Date(System.currentTimeMillis() - 86_400_000L))), "Task"))
				.containsExactly(id(up));
		assertThat(matches(search("ServiceRequest?performer=" + ward + "&green-channel=true"), "ServiceRequest"))
				.containsExactly(up.getFocus().getReference());
	}
}
