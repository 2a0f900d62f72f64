package org.onesheet.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onesheet.record.TestRecords.COUNTY;
import static org.onesheet.record.TestRecords.TOWNSHIP;
import static org.onesheet.record.TestRecords.create;
import static org.onesheet.record.TestRecords.goldenOf;
import static org.onesheet.record.TestRecords.labResult;
import static org.onesheet.record.TestRecords.registration;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.onesheet.identity.ResidentId;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.TestPatients;

/**
 * 检查检验结果互认: a result another member produced inside its window is offered instead of a new test, by
 * {@code $recognized-results}, by the CDS Hooks service while ordering, and as a warning on the order itself;
 * one past its window is not.
 */
public interface RecognisedResultsContract {

	FhirEndpoint endpoint();

	/** A resident registered at the township (HbA1c 10 days ago, glucose 10 days ago) and at the county. */
	private String[] residentWithResults() throws InterruptedException {
		ResidentId resident = TestPatients.newResidentId(ResidentId.Sex.MALE);
		String atTownship = create(endpoint(), registration(resident, TOWNSHIP, "MZ-" + resident.value(), "马国强"));
		String atCounty = create(endpoint(), registration(resident, COUNTY, "ZY-" + resident.value(), "马国强"));
		String hba1c = labResult(endpoint(), atTownship, TOWNSHIP, "4548-4", "糖化血红蛋白", 7.2, "%", Duration.ofDays(10));
		String oldGlucose = labResult(endpoint(), atTownship, TOWNSHIP, "1558-6", "空腹血糖", 8.1, "mmol/L", Duration.ofDays(10));
		goldenOf(endpoint(), atTownship, "MATCH");
		goldenOf(endpoint(), atCounty, "MATCH");
		return new String[] {atTownship, atCounty, hba1c, oldGlucose};
	}

	private List<String> recognised(String patient, String loinc) {
		Bundle found = endpoint().client().fetchResourceFromUrl(Bundle.class,
				endpoint().base() + "/" + patient + "/$recognized-results?code=http://loinc.org%7C" + loinc);
		return found.getEntry().stream().filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	@Test
	default void aResultInsideItsWindowIsRecognisedAtAnotherClinicAndOnePastItIsNot() throws Exception {
		String[] record = residentWithResults();
		String atCounty = record[1];
		assertThat(recognised(atCounty, "4548-4")).as("HbA1c: 90 days").containsExactly(record[2]);
		assertThat(recognised(atCounty, "1558-6")).as("fasting glucose: 7 days").isEmpty();
	}

	@Test
	default void aTestThatIsNotRecognisableIsSaidSoAndAMissingCodeIs400() {
		Response unknown = endpoint().http().get("/fhir/Patient/jmse-pat-000001/$recognized-results?code=http://loinc.org|2093-3");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.jsonPath().getInt("total")).isZero();
		assertThat(unknown.asString()).contains("不在互认项目内");
		Response missing = endpoint().http().get("/fhir/Patient/jmse-pat-000001/$recognized-results");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.asString()).contains("OperationOutcome");
		Response otherSystem = endpoint().http().get("/fhir/Patient/jmse-pat-000001/$recognized-results?code=http://snomed.info/sct|271062006");
		assertThat(otherSystem.statusCode()).isEqualTo(400);
		assertThat(endpoint().http().get("/fhir/Patient/no-such-patient/$recognized-results?code=http://loinc.org|4548-4")
				.statusCode()).isEqualTo(404);
	}

	@Test
	default void orderingARecognisedTestWarnsAndOrderingAnExpiredOneDoesNot() throws Exception {
		String[] record = residentWithResults();
		Response hba1c = order(record[1], "4548-4");
		assertThat(hba1c.statusCode()).isEqualTo(201);
		List<String> warnings = hba1c.jsonPath().getList("issue.findAll { it.severity == 'warning' }.diagnostics");
		assertThat(warnings).singleElement().asString().contains("已有互认结果").contains("北庭镇").contains("7.2 %")
				.contains(record[2]);

		Response glucose = order(record[1], "1558-6");
		assertThat(glucose.statusCode()).isEqualTo(201);
		assertThat(glucose.jsonPath().getList("issue.findAll { it.severity == 'warning' }")).isEmpty();
	}

	private Response order(String patient, String loinc) {
		return endpoint().http().contentType("application/fhir+json").header("Prefer", "return=OperationOutcome")
				.body("""
						{"resourceType":"ServiceRequest","status":"active","intent":"order",
						 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
						 "subject":{"reference":"%s"},"requester":{"reference":"PractitionerRole/jmse-role-001a"}}"""
						.formatted(loinc, patient))
				.post("/fhir/ServiceRequest");
	}

	@Test
	default void theCdsHooksServiceIsDiscoveredAndCardsARecognisedDraftOrder() throws Exception {
		JsonPath discovery = endpoint().http().get("/cds-services").then().statusCode(200).extract().jsonPath();
		assertThat(discovery.getList("services.id")).contains(RecognisedResultsHooks.ON_SELECT, RecognisedResultsHooks.ON_SIGN);
		assertThat(discovery.getList("services.hook")).contains("order-select", "order-sign");

		String[] record = residentWithResults();
		String request = """
				{"hook":"order-select","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
				 "context":{"userId":"PractitionerRole/jmse-role-001a","patientId":"%s","selections":["ServiceRequest/draft-1"],
				  "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[
				   {"resource":{"resourceType":"ServiceRequest","id":"draft-1","status":"draft","intent":"order",
				    "code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}],"text":"糖化血红蛋白"},"subject":{"reference":"%s"}}},
				   {"resource":{"resourceType":"ServiceRequest","id":"draft-2","status":"draft","intent":"order",
				    "code":{"coding":[{"system":"http://loinc.org","code":"1558-6"}],"text":"空腹血糖"},"subject":{"reference":"%s"}}}]}}}"""
				.formatted(TestRecords.id(record[1]), record[1], record[1]);
		JsonPath cards = endpoint().http().contentType(ContentType.JSON).body(request)
				.post("/cds-services/" + RecognisedResultsHooks.ON_SELECT).then().statusCode(200).extract().jsonPath();
		assertThat(cards.getList("cards")).as("one card: HbA1c is recognised, the glucose expired").hasSize(1);
		assertThat(cards.getString("cards[0].summary")).startsWith("已有互认结果：").contains("北庭镇").contains("7.2 %");
		assertThat(cards.getString("cards[0].indicator")).isEqualTo("warning");
		assertThat(cards.getString("cards[0].suggestions[0].actions[0].type")).isEqualTo("delete");
		assertThat(cards.getString("cards[0].suggestions[0].actions[0].resource.id")).isEqualTo("draft-1");

		JsonPath onSign = endpoint().http().contentType(ContentType.JSON).body(request.replace("order-select", "order-sign"))
				.post("/cds-services/" + RecognisedResultsHooks.ON_SIGN).then().statusCode(200).extract().jsonPath();
		assertThat(onSign.getList("cards")).hasSize(1);
	}

	@Test
	default void aBadCdsHooksCallIsA4xxWithAMessage() {
		assertThat(endpoint().http().contentType(ContentType.JSON).body("{\"hook\":")
				.post("/cds-services/" + RecognisedResultsHooks.ON_SELECT).statusCode()).isEqualTo(400);
		Response unknown = endpoint().http().contentType(ContentType.JSON).body("{}").post("/cds-services/no-such-service");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.asString()).contains("no-such-service");
		Response noPatient = endpoint().http().contentType(ContentType.JSON)
				.body("{\"hook\":\"order-select\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"userId\":\"x\"}}")
				.post("/cds-services/" + RecognisedResultsHooks.ON_SELECT);
		assertThat(noPatient.statusCode()).isEqualTo(400);
		assertThat(noPatient.asString()).contains("patientId");
	}
}
