package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.Systems;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/**
 * Whatever a client sends, the answer is a 4xx with an OperationOutcome saying what is wrong,
 * never a 500 or a stack trace, and nothing is written.
 */
public interface BadInputContract {

	FhirEndpoint endpoint();

	private Response post(String path, String contentType, String body) {
		return endpoint().http().contentType(contentType).body(body).post(path);
	}

	private static void assertOperationOutcome(Response response, int status, String expectedText) {
		assertThat(response.statusCode()).isEqualTo(status);
		String body = response.asString();
		assertThat(body).contains("OperationOutcome").contains(expectedText);
		assertThat(body).doesNotContain("\tat ").doesNotContain("Exception:");
	}

	@Test
	default void aTruncatedJsonBodyIs400() {
		assertOperationOutcome(post("/fhir/Patient", "application/fhir+json", "{"), 400, "Failed to parse");
	}

	@Test
	default void malformedXmlIs400() {
		assertOperationOutcome(post("/fhir/Patient", "application/fhir+xml", "<Patient xmlns=\"http://hl7.org/fhir\"><name>"),
				400, "Failed to parse");
	}

	@Test
	default void anElementFhirDoesNotKnowIs400() {
		assertOperationOutcome(post("/fhir/Patient", "application/fhir+json", "{\"resourceType\":\"Patient\",\"nmae\":[{\"text\":\"张三\"}]}"),
				400, "nmae");
	}

	@Test
	default void anUnknownResourceTypeIs404() {
		assertOperationOutcome(post("/fhir/Referral", "application/fhir+json", "{\"resourceType\":\"Referral\"}"),
				404, "Unknown resource type");
	}

	@Test
	default void aBodyThatIsNotFhirIs415() {
		assertOperationOutcome(post("/fhir/Patient", "text/plain", "{\"resourceType\":\"Patient\"}"), 415, "Content-Type");
	}

	@Test
	default void aReferenceToAPatientThatDoesNotExistIs400() {
		Observation observation = TestPatients.bloodPressure();
		observation.getSubject().setReference("Patient/no-such-patient");
		String body = FhirEndpoint.FHIR.newJsonParser().encodeResourceToString(observation);
		assertOperationOutcome(post("/fhir/Observation", "application/fhir+json", body), 400, "Patient/no-such-patient");
	}

	/** Tokens' display text is not indexed (HapiJpaStorageConfig): the modifier is refused, not answered with nothing. */
	@Test
	default void aTextModifierOnACodeIsRefusedWithAReason() {
		assertOperationOutcome(endpoint().http().get("/fhir/Observation?code:text=血压"), 405, ":text");
	}

	@Test
	default void xmlExternalEntitiesAreNeverResolved() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<Patient xmlns=\"http://hl7.org/fhir\"><name><text value=\"&xxe;\"/></name></Patient>";
		Response response = post("/fhir/Patient", "application/fhir+xml", xxe);
		assertOperationOutcome(response, 400, "xxe");
		assertThat(response.asString()).doesNotContain("root:");
	}

	@Test
	default void aBodyOverTheSizeLimitIs413() {
		String padding = " ".repeat(1024 * 1024 + 10);
		String body = "{\"resourceType\":\"Patient\"" + padding + "}";
		assertOperationOutcome(post("/fhir/Patient", "application/fhir+json", body), 413, "max-request-size");
	}

	@Test
	default void aTransactionWithOneBadEntryWritesNothing() {
		Patient patient = TestPatients.withChineseText();
		Bundle transaction = TestPatients.transaction(patient, TestPatients.bloodPressure());
		Observation broken = new Observation();
		broken.setStatus(Observation.ObservationStatus.FINAL);
		broken.getCode().setText("血糖");
		broken.getSubject().setReference("Patient/no-such-patient");
		transaction.addEntry().setResource(broken).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		Response response = post("/fhir", "application/fhir+json",
				FhirEndpoint.FHIR.newJsonParser().encodeResourceToString(transaction));

		assertOperationOutcome(response, 400, "Patient/no-such-patient");
		Bundle found = endpoint().client().search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(Systems.RESIDENT_ID, TestPatients.residentId(patient)))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).isEmpty();
	}
}
