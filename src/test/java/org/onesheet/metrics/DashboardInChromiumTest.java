package org.onesheet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.onesheet.support.AccessTokens;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.onesheet.system.ChinaTime;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium}, driven by playwright-core): every chart
 * is drawn on a canvas, and the figures it shows are the ones {@code $evaluate-measure} returns for the same
 * period, asked here directly. The screenshot goes to {@code target/surefire-reports/dashboard.png}.
 */
@H2ServerTest
class DashboardInChromiumTest {

	static final Path DASHBOARD = Path.of("src/main/dashboard");
	static final Path SCREENSHOT = Path.of("target/surefire-reports/dashboard.png");
	static final String GROUP = "Organization/jmse-group";

	@LocalServerPort
	int port;

	@Test
	void theChartsShowWhatTheMeasuresSay() throws Exception {
		YearMonth to = YearMonth.now(ChinaTime.ZONE);
		YearMonth from = to.minusMonths(5);
		JsonNode shown = render("http://localhost:" + port + "/dashboard?subject=" + GROUP + "&from=" + from + "&to=" + to);

		assertThat(shown.path("error").isNull()).as("the page reports no error: %s", shown.path("error")).isTrue();
		assertThat(shown.path("pageErrors")).as("no script errors").isEmpty();
		assertThat(shown.path("ready").asBoolean()).isTrue();
		shown.path("charts").forEach(chart -> assertThat(chart.path("canvas").asBoolean()).as("drawn on a canvas").isTrue());
		assertThat(shown.path("charts")).hasSize(6);

		String start = from.atDay(1).toString();
		String end = to.atEndOfMonth().toString();
		MeasureReport primary = evaluate("primary-care-share", start, end);
		assertThat(shown.at("/cards/primary-care-share/value").asText())
				.isEqualTo(percent(primary.getGroupFirstRep().getMeasureScore().getValue().doubleValue()));
		assertThat(shown.at("/cards/primary-care-share/detail").asText())
				.isEqualTo(count(primary.getGroupFirstRep(), "numerator") + " / " + count(primary.getGroupFirstRep(), "denominator"));

		// visits by member clinic: the primary-level bars are the strata's numerators
		List<StratifierGroupComponent> members = primary.getGroupFirstRep().getStratifier().get(0).getStratum();
		assertThat(numbers(shown.at("/charts/members/series/0/data")))
				.containsExactlyElementsOf(members.stream().map(s -> (double) count(s, "numerator")).toList());
		assertThat(shown.at("/charts/members/categories").get(0).asText())
				.isEqualTo(members.get(0).getValue().getCodingFirstRep().getDisplay());

		// tri-colour counts by township: green, yellow and red bars
		MeasureReport control = evaluate("chronic-control-rate", start, end);
		List<StratifierGroupComponent> colours = control.getGroupFirstRep().getStratifier().get(1).getStratum();
		for (int grade = 0; grade < 3; grade++) {
			List<Double> expected = new ArrayList<>();
			for (int stratum = grade; stratum < colours.size(); stratum += 3) {
				expected.add((double) colours.get(stratum).getPopulationFirstRep().getCount());
			}
			assertThat(numbers(shown.at("/charts/grades/series/" + grade + "/data"))).as("grade " + grade)
					.containsExactlyElementsOf(expected);
		}
		assertThat(numbers(shown.at("/charts/grades/series/0/data")).stream().mapToDouble(Double::doubleValue).sum())
				.as("the demo has green plans").isPositive();

		// the trend: one point a month, each the measure of that month
		assertThat(shown.at("/charts/trend/categories")).hasSize(6);
		YearMonth month = to.minusMonths(1);
		MeasureReport lastButOne = evaluate("county-visit-rate", month.atDay(1).toString(), month.atEndOfMonth().toString());
		double expected = Math.round(lastButOne.getGroupFirstRep().getMeasureScore().getValue().doubleValue() * 1000) / 10.0;
		assertThat(shown.at("/charts/trend/series/0/data/4").asDouble()).isEqualTo(expected);
		assertThat(Files.size(SCREENSHOT)).as("screenshot saved").isGreaterThan(10_000);
	}

	private MeasureReport evaluate(String measure, String start, String end) {
		return new FhirEndpoint(port).client().operation().onInstance("Measure/" + measure).named("$evaluate-measure")
				.withParameter(Parameters.class, "periodStart", new StringType(start))
				.andParameter("periodEnd", new StringType(end)).andParameter("subject", new StringType(GROUP))
				.useHttpGet().returnResourceType(MeasureReport.class).execute();
	}

	private static int count(MeasureReport.MeasureReportGroupComponent group, String code) {
		return group.getPopulation().stream().filter(p -> code.equals(p.getCode().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getCount();
	}

	private static int count(StratifierGroupComponent stratum, String code) {
		return stratum.getPopulation().stream().filter(p -> code.equals(p.getCode().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getCount();
	}

	private static String percent(double score) {
		return String.format("%.1f%%", score * 100);
	}

	private static List<Double> numbers(JsonNode array) {
		List<Double> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asDouble()));
		return values;
	}

	private static JsonNode render(String url) throws IOException, InterruptedException {
		Path chromium = Path.of(System.getProperty("onesheet.chromium", "/usr/bin/chromium"));
		assertThat(chromium).as("Debian's chromium is installed (.ci/run installs it)").exists();
		Path script = DASHBOARD.resolve("test/render-dashboard.cjs").toAbsolutePath();
		assertThat(DASHBOARD.resolve("node_modules/playwright-core")).as("playwright-core installed by the build").exists();
		Files.createDirectories(SCREENSHOT.getParent());
		Path output = Files.createTempFile("dashboard", ".json");
		Path errors = Files.createTempFile("dashboard", ".err");
		Process node = new ProcessBuilder("node", script.toString(), url, SCREENSHOT.toAbsolutePath().toString(),
				AccessTokens.ADMINISTRATOR, AccessTokens.DEMO_SECRET, chromium.toString()).directory(DASHBOARD.toFile()).redirectOutput(output.toFile())
				.redirectError(errors.toFile()).start();
		assertThat(node.waitFor(4, TimeUnit.MINUTES)).as("the browser finished").isTrue();
		assertThat(node.exitValue()).as("node exit code; stderr:%n%s", Files.readString(errors)).isZero();
		return new ObjectMapper().readTree(Files.readString(output, StandardCharsets.UTF_8));
	}
}
