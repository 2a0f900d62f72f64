package org.onesheet.config;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.onesheet.OneSheetApplication;
import org.onesheet.group.demo.DemoGroupGenerator;
import org.onesheet.support.EmbeddedPostgres;
import org.onesheet.support.AccessTokens;
import org.onesheet.support.Eventually;
import org.onesheet.support.FhirEndpoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A province starts several nodes on one PostgreSQL. Two nodes cold-starting together on an empty database
 * used to race on HAPI's schema creation and table seeding (the second died); now both come up and the
 * demo group exists once.
 */
class TwoNodesStartTogetherTest {

	private static final int PATIENTS = 20;

	@Test
	void bothNodesStartAndTheDemoGroupIsLoadedOnce() throws Exception {
		String url = EmbeddedPostgres.newDatabase("two_nodes");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		try {
			List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				starting.add(pool.submit(() -> SpringApplication.run(OneSheetApplication.class,
						"--spring.datasource.url=" + url,
						"--spring.datasource.username=postgres",
						"--spring.datasource.password=postgres",
						"--spring.datasource.hikari.maximum-pool-size=5",
						"--server.port=0",
						"--onesheet.demo-patients=" + PATIENTS,
						"--spring.main.banner-mode=off",
						"--logging.level.root=WARN",
						// one signing key for the group's nodes: a token from either is good at both
						"--onesheet.security.signing-key=file:src/test/resources/keys/test-issuer.pem",
						"--onesheet.security.demo-client-secret=" + AccessTokens.DEMO_SECRET)));
			}
			for (Future<ConfigurableApplicationContext> node : starting) {
				nodes.add(node.get(5, TimeUnit.MINUTES));
			}

			int registrations = registrationsInTheDemo();
			for (ConfigurableApplicationContext node : nodes) {
				int port = ((WebServerApplicationContext) node).getWebServer().getPort();
				var client = new FhirEndpoint(port).client();
				assertThat(count(client, "Patient?_tag:not=" + GOLDEN)).as("registrations seen by node on port %d", port)
						.isEqualTo(registrations);
				// the group, its 44 members, the prefecture hospital outside it and the neighbour group's four
				assertThat(count(client, "Organization")).isEqualTo(50);
			}
			// behind a load balancer a client's token from one node is used at the other
			int first = ((WebServerApplicationContext) nodes.get(0)).getWebServer().getPort();
			int second = ((WebServerApplicationContext) nodes.get(1)).getWebServer().getPort();
			String tokenOfFirst = AccessTokens.of(first, AccessTokens.ADMINISTRATOR);
			assertThat(new FhirEndpoint(second).anonymous().auth().oauth2(tokenOfFirst).get("/fhir/Patient/jmse-pat-000001")
					.statusCode()).isEqualTo(200);
			// MDM links asynchronously: wait until every resident has a golden record, then check there is only one each.
			var client = new FhirEndpoint(((WebServerApplicationContext) nodes.get(0)).getWebServer().getPort()).client();
			Eventually.that("a golden record for every resident").pollInterval(Duration.ofMillis(500))
					.until(() -> count(client, "Patient?_tag=" + GOLDEN) >= PATIENTS);
			assertThat(count(client, "Patient?_tag=" + GOLDEN)).as("one golden record per resident").isEqualTo(PATIENTS);
		} finally {
			nodes.forEach(ConfigurableApplicationContext::close);
			pool.shutdownNow();
		}
	}

	private static final String GOLDEN = "http://hapifhir.io/fhir/NamingSystem/mdm-record-status%7CGOLDEN_RECORD";

	private static int count(IGenericClient client, String search) {
		return client.search().byUrl(search).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
	}

	/** Residents plus their second registrations at the county hospital and walk-ins, as the generator writes them. */
	private static int registrationsInTheDemo() {
		int[] patients = {0};
		new DemoGroupGenerator(DemoGroupGenerator.DEFAULT_SEED, PATIENTS, DemoGroupGenerator.DEFAULT_PATIENTS_PER_BUNDLE,
				LocalDate.now()).forEachBundle(bundle -> patients[0] += (int) bundle.getEntry().stream()
						.filter(entry -> entry.getResource() instanceof Patient)
						// the test's client is the 吉木萨尔 group's: the neighbour group's residents are not its to see
						.filter(entry -> entry.getResource().getIdElement().getIdPart().startsWith("jmse-")).count());
		return patients[0];
	}
}
