package org.onesheet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.ImplementationGuideExamples;
import org.onesheet.support.TestPatients;

/**
 * The server loads the IG and holds writes to it: every profile is served by its canonical URL, every example
 * is accepted, and a broken variant of each profile is a 422 whose OperationOutcome names the fault.
 */
public interface ProfileEnforcementContract {

	FhirEndpoint endpoint();

	private PostedExamples examples() {
		return PostedExamples.on(endpoint());
	}

	@Test
	default void everyProfileAndExtensionIsServedByItsCanonicalUrl() throws IOException {
		NpmPackage ig = ImplementationGuideExamples.load();
		List<String> files = ig.listResources("StructureDefinition");
		assertThat(files).hasSizeGreaterThanOrEqualTo(16);
		for (String file : files) {
			String id = file.replaceFirst("^StructureDefinition-", "").replaceFirst("\\.json$", "");
			String url = Systems.PROFILE_PREFIX + id;
			Bundle found = endpoint().client().search().byUrl("StructureDefinition?url=" + url)
					.returnBundle(Bundle.class).execute();
			assertThat(found.getEntry()).as(url).hasSize(1);
			assertThat(((StructureDefinition) found.getEntryFirstRep().getResource()).getUrl()).isEqualTo(url);
		}
	}

	@Test
	default void everyExampleIsAcceptedInOneTransactionOfPosts() {
		Bundle response = examples().response;

		assertThat(response.getEntry()).hasSize(ImplementationGuideExamples.all().size())
				.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
	}

	@Test
	default void aPatientIsHeldToTheProfileWithoutDeclaringItAndThenDeclaresIt() {
		Patient created = (Patient) endpoint().client().create().resource(TestPatients.withChineseText())
				.execute().getResource();
		assertThat(created.getMeta().getProfile()).extracting("value").contains(Systems.PROFILE_PATIENT);

		Patient unnamed = TestPatients.withChineseText();
		unnamed.getName().clear();
		assertRejected(unnamed, "Patient.name");
	}

	@Test
	default void aPatientWithAWrongCheckDigitIsRejected() {
		Patient patient = examples().example(Patient.class, "ex-pat-zhao");
		patient.getIdentifier().stream().filter(id -> Systems.RESIDENT_ID.equals(id.getSystem())).findFirst()
				.orElseThrow().setValue("652327195803120317");

		assertRejected(patient, "身份证号校验位错误 (resident ID check digit is wrong: expected 6, got 7)");
	}

	@Test
	default void aPatientWhoseBirthDateDisagreesWithTheResidentIdIsRejected() {
		Patient patient = examples().example(Patient.class, "ex-pat-zhao");
		patient.setBirthDateElement(new DateType("1958-03-21"));

		assertRejected(patient, "身份证号与出生日期不一致");
	}

	@Test
	default void aTownshipCentreWithoutPartOfIsRejected() {
		Organization township = examples().example(Organization.class, "ex-tc-santai");
		township.setPartOf(null);

		assertRejected(township, "partOf");
	}

	@Test
	default void aPractitionerRoleWithoutItsSiteIsRejected() {
		PractitionerRole role = examples().example(PractitionerRole.class, "ex-role-wang-santai");
		role.setOrganization(null);

		assertRejected(role, "PractitionerRole.organization");
	}

	@Test
	default void aReferralWithoutPerformerIsRejectedWhetherOrNotItDeclaresTheProfile() {
		ServiceRequest declared = examples().example(ServiceRequest.class, "ex-ref-up");
		declared.getPerformer().clear();
		assertRejected(declared, "ServiceRequest.performer");

		ServiceRequest undeclared = examples().example(ServiceRequest.class, "ex-ref-up");
		undeclared.getPerformer().clear();
		undeclared.getMeta().getProfile().clear();
		assertRejected(undeclared, "ServiceRequest.performer");
	}

	@Test
	default void aGreenChannelReferralMustNotBeRoutine() {
		ServiceRequest referral = examples().example(ServiceRequest.class, "ex-ref-up");
		referral.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);

		assertRejected(referral, "绿色通道");
	}

	@Test
	default void aReferralTaskWithoutOwnerIsRejectedEvenUndeclared() {
		Task task = examples().example(Task.class, "ex-ref-up-task");
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setOwner(null);
		task.getMeta().getProfile().clear();

		assertRejected(task, "Task.owner");
	}

	@Test
	default void aRemoteReadingRequestForAStudyOutsideTheValueSetIsRejected() {
		ServiceRequest request = examples().example(ServiceRequest.class, "ex-rr-ecg-request");
		request.setCode(new CodeableConcept(new Coding("http://dicom.nema.org/resources/ontology/DCM", "CT",
				"Computed Tomography")));

		assertRejected(request, "ServiceRequest.code");
	}

	@Test
	default void aRemoteReadingReportWithoutItsReaderIsRejected() {
		DiagnosticReport report = examples().example(DiagnosticReport.class, "ex-rr-ecg-report");
		report.getResultsInterpreter().clear();

		assertRejected(report, "DiagnosticReport.resultsInterpreter");
	}

	@Test
	default void aChronicCarePlanForADiseaseOutsideTheTwoPlusThreeIsRejected() {
		CarePlan plan = examples().example(CarePlan.class, "ex-careplan-zhao-htn");
		plan.getExtensionByUrl(Systems.PROFILE_PREFIX + "chronic-disease")
				.setValue(new CodeableConcept(new Coding(Systems.ICD_10, "J45.9", "Asthma")));

		assertRejected(plan, "两病三病");
	}

	@Test
	default void aChronicCarePlanWithAnUnknownGradeIsRejected() {
		CarePlan plan = examples().example(CarePlan.class, "ex-careplan-ayi-dm");
		plan.getExtensionByUrl(Systems.PROFILE_PREFIX + "chronic-grade")
				.setValue(new Coding(Systems.CANONICAL_BASE + "/CodeSystem/chronic-grade", "blue", null));

		assertRejected(plan, "blue");
	}

	@Test
	default void aFamilyDoctorContractWithoutItsTeamIsRejected() {
		EpisodeOfCare contract = examples().example(EpisodeOfCare.class, "ex-contract-zhao");
		contract.getTeam().clear();

		assertRejected(contract, "EpisodeOfCare.team");
	}

	@Test
	default void aFamilyDoctorTeamOfOneIsRejected() {
		CareTeam team = examples().example(CareTeam.class, "ex-team-ayi");
		team.getParticipant().remove(1);

		assertRejected(team, "CareTeam.participant");
	}

	@Test
	default void resourcesTheIgDoesNotProfileAreNeitherValidatedNorMarked() {
		Observation observation = TestPatients.bloodPressure();
		observation.getCode().addCoding().setSystem(Systems.CANONICAL_BASE + "/CodeSystem/no-such-system").setCode("x");

		Observation stored = (Observation) endpoint().client().create().resource(observation).execute().getResource();

		assertThat(stored.getMeta().getProfile()).isEmpty();
	}

	@Test
	default void aTransactionWithOneNonConformingEntryWritesNothing() {
		Organization organization = examples().example(Organization.class, "ex-vc-xiaying");
		String licence = "PDY-TX-" + System.nanoTime();
		organization.getIdentifierFirstRep().setValue(licence);
		Patient broken = examples().example(Patient.class, "ex-pat-ayi");
		broken.setGender(null);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(organization).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Organization");
		transaction.addEntry().setResource(broken).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

		assertThatThrownBy(() -> endpoint().client().transaction().withBundle(transaction).execute())
				.isInstanceOf(UnprocessableEntityException.class);
		Bundle found = endpoint().client().search().forResource(Organization.class)
				.where(Organization.IDENTIFIER.exactly().identifier(licence)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
	}

	private void assertRejected(Resource resource, String expectedInOutcome) {
		IGenericClient client = endpoint().client();
		assertThatThrownBy(() -> client.create().resource(resource).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, rejection -> {
					OperationOutcome outcome = (OperationOutcome) rejection.getOperationOutcome();
					String text = FhirEndpoint.FHIR.newJsonParser().encodeResourceToString(outcome);
					assertThat(text).as("422 OperationOutcome").contains(expectedInOutcome);
				});
	}
}
