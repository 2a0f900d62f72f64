package org.onesheet.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onesheet.referral.TestReferrals.COUNTY;
import static org.onesheet.referral.TestReferrals.PATIENT;
import static org.onesheet.referral.TestReferrals.TOWNSHIP;
import static org.onesheet.referral.TestReferrals.move;

import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;

/**
 * Closing the loop: an upward referral completes only with the county's report, a rehabilitation referral
 * goes back down with its care plan, and the medicines it carries are checked against the township's
 * formulary (用药衔接).
 */
public interface ClosingTheLoopContract {

	String LOSARTAN = "C09CA01";
	String VALSARTAN = "C09CA03";

	FhirEndpoint endpoint();

	private Task arrivedUpwardReferral() {
		Task task = TestReferrals.sendUpward(endpoint(), COUNTY, false, request -> {
		});
		for (TaskStatus step : List.of(TaskStatus.RECEIVED, TaskStatus.ACCEPTED, TaskStatus.INPROGRESS)) {
			task = move(endpoint(), task, step, COUNTY);
		}
		return task;
	}

	private static Task.TaskOutputComponent feedback(Task task) {
		return task.addOutput().setType(new CodeableConcept(new Coding(Systems.REFERRAL_OUTPUT_TYPE, "feedback", "回执")));
	}

	private String create(Resource resource) {
		return endpoint().client().create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private String dischargeSummary() {
		DiagnosticReport report = new DiagnosticReport();
		report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
		report.getCode().setText("出院小结 (discharge summary)");
		report.setSubject(new Reference(PATIENT));
		report.setConclusion("高血压3级，调整为缬沙坦联合氨氯地平，血压130/85 mmHg出院。");
		return create(report);
	}

	private ServiceRequest downwardReferral() {
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.addCategory(ReferralCategory.concept("转诊"));
		request.addExtension(Systems.EXT_REFERRAL_DIRECTION, new Coding(Systems.REFERRAL_DIRECTION, "down", "下转"));
		request.addExtension(Systems.EXT_GREEN_CHANNEL, new BooleanType(false));
		request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
		request.setSubject(new Reference(PATIENT));
		request.setRequester(new Reference("PractitionerRole/jmse-role-001a"));
		request.addPerformer(new Reference(TOWNSHIP));
		request.addReasonCode().setText("血压已控制，转回乡镇随访 (controlled: back to the township)");
		return request;
	}

	private static MedicationRequest prescription(String atc, String name) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
				.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.setMedication(new CodeableConcept(new Coding(Systems.ATC, atc, null)).setText(name));
		prescription.setSubject(new Reference(PATIENT));
		return prescription;
	}

	@Test
	default void anUpwardReferralCompletesOnlyWithTheCountysReport() {
		Task arrived = arrivedUpwardReferral();
		feedback(arrived).setValue(new StringType("已诊治 (seen)"));

		assertThatThrownBy(() -> move(endpoint(), arrived, TaskStatus.COMPLETED, COUNTY))
				.isInstanceOfSatisfying(UnprocessableEntityException.class, refusal -> assertThat(
						((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
						.contains("DiagnosticReport").contains("出院小结"));

		arrived.getOutput().clear();
		feedback(arrived).setValue(new Reference(dischargeSummary()));
		assertThat(move(endpoint(), arrived, TaskStatus.COMPLETED, COUNTY).getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	default void aRehabilitationReferralSentBackAsFeedbackMustCarryTheCarePlan() {
		Task arrived = arrivedUpwardReferral();
		String withoutPlan = create(downwardReferral());
		feedback(arrived).setValue(new Reference(dischargeSummary()));
		feedback(arrived).setValue(new Reference(withoutPlan));

		assertThatThrownBy(() -> move(endpoint(), arrived, TaskStatus.COMPLETED, COUNTY))
				.isInstanceOfSatisfying(UnprocessableEntityException.class, refusal -> assertThat(
						((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
						.contains("CarePlan").contains(withoutPlan));

		CarePlan plan = new CarePlan();
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.setSubject(new Reference(PATIENT)).setTitle("高血压康复随访计划");
		ServiceRequest withPlan = downwardReferral();
		withPlan.addSupportingInfo(new Reference(create(plan)));
		arrived.getOutput().get(1).setValue(new Reference(create(withPlan)));
		assertThat(move(endpoint(), arrived, TaskStatus.COMPLETED, COUNTY).getStatus()).isEqualTo(TaskStatus.COMPLETED);
	}

	@Test
	default void aMedicineTheTownshipDoesNotStockIsWarnedWithSubstitutesOfItsAtcClass() {
		ListResource formulary = (ListResource) endpoint().client().search().forResource(ListResource.class)
				.where(ListResource.IDENTIFIER.exactly().systemAndCode(Systems.FORMULARY, "jmse-tc-01"))
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		assertThat(formulary.getEntry()).extracting(entry -> entry.getItem().getReference())
				.as("the demo's 北庭镇 formulary lacks losartan and stocks valsartan")
				.doesNotContain("Medication/jmse-med-c09ca01").contains("Medication/jmse-med-c09ca03");

		String losartanUrl = "urn:uuid:" + UUID.randomUUID();
		String valsartanUrl = "urn:uuid:" + UUID.randomUUID();
		ServiceRequest referral = downwardReferral();
		referral.addSupportingInfo(new Reference(losartanUrl)).addSupportingInfo(new Reference(valsartanUrl));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl(losartanUrl).setResource(prescription(LOSARTAN, "氯沙坦钾片 50mg"))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");
		transaction.addEntry().setFullUrl(valsartanUrl).setResource(prescription(VALSARTAN, "缬沙坦胶囊 80mg"))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");
		transaction.addEntry().setResource(referral).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");

		Bundle response = endpoint().client().transaction().withBundle(transaction).execute();

		OperationOutcome outcome = (OperationOutcome) response.getEntry().get(2).getResponse().getOutcome();
		List<OperationOutcome.OperationOutcomeIssueComponent> warnings = outcome.getIssue().stream()
				.filter(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.WARNING).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getDiagnostics()).contains("氯沙坦钾片", LOSARTAN, "C09CA", "缬沙坦胶囊", "厄贝沙坦片")
				.contains("not stocked at Organization/jmse-tc-01");
		assertThat(warnings.get(0).getExpression().get(0).getValue()).isEqualTo("ServiceRequest.supportingInfo[0]");
	}

	@Test
	default void aSinglePostLearnsTheWarningWhenItAsksForTheOperationOutcome() {
		ServiceRequest referral = downwardReferral();
		referral.addSupportingInfo(new Reference(create(prescription(LOSARTAN, "氯沙坦钾片 50mg"))));

		OperationOutcome outcome = (OperationOutcome) endpoint().client().create().resource(referral)
				.prefer(PreferReturnEnum.OPERATION_OUTCOME).execute().getOperationOutcome();

		assertThat(outcome.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
			assertThat(issue.getDiagnostics()).contains("氯沙坦钾片");
		});
	}
}
