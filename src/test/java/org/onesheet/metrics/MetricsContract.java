package org.onesheet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.junit.jupiter.api.Test;
import org.onesheet.support.FhirEndpoint;

/**
 * Every measure of the IG against {@link MetricsFixture}, a group whose March 2025 was counted by hand; the
 * expected figures are written out in each test. The report is asked for the fixture's group as subject, so
 * the demo group's data does not count.
 */
public interface MetricsContract {

	FhirEndpoint endpoint();

	/** The fixture is written once per server, whichever test needs it first. */
	private MetricsFixture fixture() {
		return MetricsFixture.of(endpoint());
	}

	private MeasureReport evaluate(String measure) {
		return fixture().endpoint.client().operation().onInstance("Measure/" + measure).named("$evaluate-measure")
				.withParameter(org.hl7.fhir.r4.model.Parameters.class, "periodStart", new org.hl7.fhir.r4.model.StringType("2025-03-01"))
				.andParameter("periodEnd", new org.hl7.fhir.r4.model.StringType("2025-03-31"))
				.andParameter("subject", new org.hl7.fhir.r4.model.StringType(fixture().group))
				.useHttpGet().returnResourceType(MeasureReport.class).execute();
	}

	private static int count(MeasureReportGroupComponent group, String population) {
		return group.getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population))
				.findFirst().orElseThrow().getCount();
	}

	private static Map<String, String> strata(MeasureReportGroupComponent group, String stratifier) {
		return group.getStratifier().stream().filter(s -> s.getCodeFirstRep().getText().equals(stratifier)).findFirst()
				.orElseThrow().getStratum().stream().collect(Collectors.toMap(
						stratum -> stratum.getValue().getText(), MetricsContract::counts));
	}

	private static String counts(StratifierGroupComponent stratum) {
		return stratum.getPopulation().stream().map(p -> String.valueOf(p.getCount())).collect(Collectors.joining("/"));
	}

	private static String id(String reference) {
		return reference.substring(reference.indexOf('/') + 1);
	}

	@Test
	default void primaryCareShareCountsMembersVisitsInChinaDaysLeavingOutCancelled() {
		MeasureReportGroupComponent group = evaluate("primary-care-share").getGroupFirstRep();
		assertThat(count(group, "numerator")).isEqualTo(4);
		assertThat(count(group, "denominator")).isEqualTo(6);
		assertThat(group.getMeasureScore().getValue()).isEqualByComparingTo("0.6667");
		MetricsFixture f = fixture();
		assertThat(strata(group, "member")).containsExactlyInAnyOrderEntriesOf(Map.of(
				id(f.village1), "2/2", id(f.township), "2/2", id(f.county), "0/1", id(f.department), "0/1"));
	}

	@Test
	default void countyVisitRateCountsResidentsVisitsOutsideTheGroupAgainstIt() {
		MeasureReportGroupComponent group = evaluate("county-visit-rate").getGroupFirstRep();
		assertThat(count(group, "numerator")).isEqualTo(6);
		assertThat(count(group, "denominator")).isEqualTo(8);
		assertThat(group.getMeasureScore().getValue()).isEqualByComparingTo("0.75");
		assertThat(strata(group, "township")).containsExactlyEntriesOf(Map.of(id(fixture().township), "6/8"));
	}

	@Test
	default void downwardReferralShareIsTheLeadingHospitalsDownwardReferralsPerVisit() {
		MeasureReportGroupComponent group = evaluate("downward-referral-share").getGroupFirstRep();
		assertThat(count(group, "numerator")).isEqualTo(1);
		assertThat(count(group, "denominator")).isEqualTo(2);
		assertThat(group.getMeasureScore().getValue()).isEqualByComparingTo("0.5");
	}

	@Test
	default void upwardReferralsAreCountedByTheReferringOrganisation() {
		MeasureReportGroupComponent group = evaluate("upward-referral-count").getGroupFirstRep();
		assertThat(count(group, "initial-population")).isEqualTo(3);
		assertThat(strata(group, "requester")).containsExactlyInAnyOrderEntriesOf(Map.of(
				id(fixture().village1), "2", id(fixture().township), "1"));
	}

	@Test
	default void contractCoverageCountsPersonsAndTheKeyGroups() {
		MeasureReportGroupComponent group = evaluate("contract-coverage").getGroupFirstRep();
		assertThat(count(group, "numerator")).isEqualTo(2);
		assertThat(count(group, "denominator")).isEqualTo(5);
		assertThat(group.getMeasureScore().getValue()).isEqualByComparingTo("0.4");
		assertThat(strata(group, "key-population")).containsExactlyInAnyOrderEntriesOf(Map.of(
				"all", "2/5", "elderly", "2/2", "chronic", "1/2", "pregnant", "0/1"));
		assertThat(strata(group, "township")).containsExactlyEntriesOf(Map.of(id(fixture().township), "2/5"));
	}

	@Test
	default void controlRateReadsTheGradeEachPlanHadOnTheLastDay() {
		MeasureReportGroupComponent group = evaluate("chronic-control-rate").getGroupFirstRep();
		assertThat(count(group, "numerator")).isEqualTo(2);
		assertThat(count(group, "denominator")).isEqualTo(3);
		assertThat(strata(group, "programme")).containsExactlyInAnyOrderEntriesOf(Map.of(
				"hypertension", "2/2", "diabetes", "0/1"));
		List<String> colours = group.getStratifier().get(1).getStratum().stream()
				.map(stratum -> stratum.getComponent().get(1).getValue().getText() + "=" + counts(stratum)).toList();
		assertThat(colours).containsExactly("green=2", "yellow=0", "red=1");
	}

	@Test
	default void turnaroundIsTheMedianAndNinetiethPercentileInMinutes() {
		MeasureReport report = evaluate("reading-turnaround");
		assertThat(report.getGroup()).extracting(g -> g.getCode().getText() + "=" + g.getMeasureScore().getValue()
				.stripTrailingZeros().toPlainString() + "/" + count(g, "measure-population"))
				.containsExactly("median=75/4", "p90=120/4");
	}

	@Test
	default void acceptanceTimeIsHoursFromSendingToAccepting() {
		MeasureReport report = evaluate("referral-acceptance-time");
		assertThat(report.getGroup()).extracting(g -> g.getCode().getText() + "=" + g.getMeasureScore().getValue()
				.stripTrailingZeros().toPlainString() + "/" + count(g, "measure-population"))
				.containsExactly("median=5/3", "p90=20/3");
	}

	@Test
	default void badPeriodsAndSubjectsAre4xxWithAnOperationOutcome() {
		FhirEndpoint endpoint = endpoint();
		Response noEnd = endpoint.http().get("/fhir/Measure/primary-care-share/$evaluate-measure?periodStart=2025-03-01");
		assertThat(noEnd.statusCode()).isEqualTo(400);
		assertThat(noEnd.asString()).contains("OperationOutcome", "periodEnd");
		Response backwards = endpoint.http().get(
				"/fhir/Measure/primary-care-share/$evaluate-measure?periodStart=2025-03-31&periodEnd=2025-03-01");
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.asString()).contains("before periodStart");
		Response badDate = endpoint.http().get(
				"/fhir/Measure/primary-care-share/$evaluate-measure?periodStart=March&periodEnd=2025-03-31");
		assertThat(badDate.statusCode()).isEqualTo(400);
		Response patientSubject = endpoint.http().get(
				"/fhir/Measure/primary-care-share/$evaluate-measure?periodStart=2025-03-01&periodEnd=2025-03-31&subject=Patient/x");
		assertThat(patientSubject.statusCode()).isEqualTo(400);
		assertThat(endpoint.http().get("/fhir/Measure/no-such-measure/$evaluate-measure?periodStart=2025-03-01&periodEnd=2025-03-31")
				.statusCode()).isEqualTo(404);
	}

	@Test
	default void everyMeasureOfTheIgEvaluatesForTheDemoGroup() {
		for (String measure : List.of("county-visit-rate", "primary-care-share", "downward-referral-share",
				"upward-referral-count", "contract-coverage", "chronic-control-rate", "reading-turnaround",
				"referral-acceptance-time")) {
			Response response = endpoint().http().get("/fhir/Measure/" + measure
					+ "/$evaluate-measure?periodStart=2026-01-01&periodEnd=2026-12-31&subject=Organization/jmse-group");
			assertThat(response.statusCode()).as(measure).isEqualTo(200);
			assertThat(response.jsonPath().getString("resourceType")).isEqualTo("MeasureReport");
			assertThat(response.jsonPath().getList("group[0].population.count", Integer.class)).as(measure + " counts something")
					.anyMatch(count -> count > 0);
		}
	}
}
