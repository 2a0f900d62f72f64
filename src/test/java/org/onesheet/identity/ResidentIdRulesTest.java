package org.onesheet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.onesheet.support.TestPatients;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class ResidentIdRulesTest {

	@LocalServerPort
	int port;

	private Response post(String path, Resource resource) {
		return new FhirEndpoint(port).http().contentType("application/fhir+json")
				.body(FhirEndpoint.FHIR.newJsonParser().encodeResourceToString(resource))
				.post(path);
	}

	private static OperationOutcome outcome(Response response) {
		return FhirEndpoint.FHIR.newJsonParser().parseResource(OperationOutcome.class, response.asString());
	}

	private static Patient patientWith(String residentId) {
		Patient patient = TestPatients.withChineseText();
		patient.getIdentifierFirstRep().setValue(residentId);
		ResidentId id = new ResidentId(residentId);
		id.birthDate().ifPresent(date -> patient.setBirthDateElement(new DateType(date.toString())));
		patient.setGender(id.sex() == ResidentId.Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
		return patient;
	}

	@Test
	void aWrongCheckDigitIs422NamingTheExpectedDigitAndTheField() {
		String valid = TestPatients.newResidentId(ResidentId.Sex.FEMALE).value();
		char wrong = valid.charAt(17) == '3' ? '4' : '3';

		Response response = post("/fhir/Patient", patientWith(valid.substring(0, 17) + wrong));

		assertThat(response.statusCode()).isEqualTo(422);
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome(response).getIssueFirstRep();
		assertThat(issue.getDiagnostics()).isEqualTo("身份证号校验位错误 (resident ID check digit is wrong: expected "
				+ valid.charAt(17) + ", got " + wrong + ")");
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Patient.identifier[0].value");
	}

	@Test
	void aBirthDateThatDisagreesWithTheIdIs422OnBirthDate() {
		Patient patient = patientWith(TestPatients.newResidentId(ResidentId.Sex.MALE).value());
		LocalDate encoded = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
		patient.setBirthDateElement(new DateType(encoded.plusDays(1).toString()));

		Response response = post("/fhir/Patient", patient);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("出生日期").contains(encoded.toString());
		assertThat(outcome(response).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Patient.birthDate");
	}

	@Test
	void aGenderThatDisagreesWithTheSexDigitIs422OnGender() {
		Patient patient = patientWith(TestPatients.newResidentId(ResidentId.Sex.FEMALE).value());
		patient.setGender(AdministrativeGender.MALE);

		Response response = post("/fhir/Patient", patient);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).contains("性别").contains("female");
		assertThat(outcome(response).getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Patient.gender");
	}

	@Test
	void aBadIdInsideATransactionWritesNothingOfTheBundle() {
		Patient good = TestPatients.withChineseText();
		Bundle transaction = TestPatients.transaction(good, TestPatients.bloodPressure());
		String valid = TestPatients.newResidentId(ResidentId.Sex.MALE).value();
		Patient bad = patientWith(valid.substring(0, 17) + (valid.charAt(17) == '3' ? '4' : '3'));
		transaction.addEntry().setResource(bad).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

		Response response = post("/fhir", transaction);

		assertThat(response.statusCode()).isEqualTo(422);
		Bundle found = new FhirEndpoint(port).client().search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(Systems.RESIDENT_ID, TestPatients.residentId(good)))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
	}

	@Test
	void aConsistentIdIsAccepted() {
		Response response = post("/fhir/Patient", patientWith(TestPatients.newResidentId(ResidentId.Sex.MALE).value()));
		assertThat(response.statusCode()).isEqualTo(201);
	}
}
