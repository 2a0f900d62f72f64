package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the group's IT team and integrators rely on around the FHIR API itself. */
@H2ServerTest
class OperatorComfortsTest {

	@LocalServerPort
	int port;

	private FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}

	@Test
	void healthIsUpAndPrometheusMetricsIncludeTheDatabasePoolAndTheAuditQueue() {
		Response health = endpoint().http().get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.jsonPath().getString("status")).isEqualTo("UP");
		Response metrics = endpoint().http().get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.asString()).contains("hikaricp_connections").contains("http_server_requests")
				.containsPattern("(?m)^onesheet_audit_queue_waiting_events \\d").containsPattern("(?m)^onesheet_audit_queue_failed_events 0\\.0$");
	}

	@Test
	void theOpenApiDescriptionCoversTheFhirResources() {
		Response docs = endpoint().http().get("/fhir/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.asString()).startsWith("openapi: 3.").contains("/Patient/{id}").contains("/ServiceRequest");
	}

	@Test
	void aBrowserGetsHighlightedHtml() {
		Response page = endpoint().http().accept("text/html").get("/fhir/Organization?_count=1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.asString()).contains("<html").contains("Organization");
	}

	@Test
	void corsAllowsALocalToolAndNotAStranger() {
		Response local = endpoint().http()
				.header("Origin", "http://localhost:5173")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type")
				.options("/fhir/Patient");
		assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
		Response stranger = endpoint().http()
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "POST")
				.options("/fhir/Patient");
		assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void everyResponseCarriesTheCallersRequestIdOrAFreshOne() {
		Response echoed = endpoint().http().header(RequestIdFilter.HEADER, "clinic-42.req-7").get("/fhir/metadata");
		assertThat(echoed.header(RequestIdFilter.HEADER)).isEqualTo("clinic-42.req-7");
		Response fresh = endpoint().http().header(RequestIdFilter.HEADER, "bad id with spaces").get("/actuator/health");
		assertThat(fresh.header(RequestIdFilter.HEADER)).isNotBlank().doesNotContain(" ");
	}
}
