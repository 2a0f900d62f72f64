package org.onesheet.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * How a test reaches the running server: HAPI's generic client for FHIR, REST Assured for raw HTTP, both
 * with a bearer token. By default the token is the demo group administrator's; a test acts for another
 * organisation with {@link #as(String)}, or per request with the test-only header {@link #ACTING_FOR}, which
 * the client turns into that organisation's token and never sends.
 */
public record FhirEndpoint(int port, String actingFor) {

	public static final FhirContext FHIR = FhirContext.forR4Cached();
	/** Test-side only: "send this request with the token of this organisation's client". */
	public static final String ACTING_FOR = "X-Test-Acting-For";

	static {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
	}

	public FhirEndpoint(int port) {
		this(port, AccessTokens.ADMINISTRATOR);
	}

	/** The same server, reached by the demo client of another organisation. */
	public FhirEndpoint as(String organization) {
		return new FhirEndpoint(port, organization);
	}

	public String base() {
		return "http://localhost:" + port + "/fhir";
	}

	public String token() {
		return AccessTokens.of(port, actingFor);
	}

	public IGenericClient client() {
		IGenericClient client = FHIR.newRestfulGenericClient(base());
		client.registerInterceptor(new IClientInterceptor() {
			@Override
			public void interceptRequest(IHttpRequest request) {
				List<String> acting = request.getAllHeaders().get(ACTING_FOR);
				String organization = acting == null || acting.isEmpty() ? actingFor : acting.get(0);
				request.removeHeaders(ACTING_FOR);
				request.addHeader("Authorization", "Bearer " + AccessTokens.of(port, organization));
			}

			@Override
			public void interceptResponse(IHttpResponse response) {
			}
		});
		return client;
	}

	/** A search's pages, from the first to the one without a next link, each fetched as this client. */
	public List<Bundle> pages(Bundle first) {
		IGenericClient client = client();
		List<Bundle> pages = new ArrayList<>();
		for (Bundle page = first; page != null;
				page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute()) {
			pages.add(page);
		}
		return pages;
	}

	/** Raw HTTP at the server root (for /fhir/..., /actuator/...), with a token. */
	public RequestSpecification http() {
		Filter bearer = (request, response, context) -> {
			String organization = request.getHeaders().hasHeaderWithName(ACTING_FOR)
					? request.getHeaders().getValue(ACTING_FOR) : actingFor;
			request.removeHeader(ACTING_FOR);
			request.header("Authorization", "Bearer " + AccessTokens.of(port, organization));
			return context.next(request, response);
		};
		return anonymous().filter(bearer);
	}

	/** Raw HTTP without any token, as anyone who reaches the port. */
	public RequestSpecification anonymous() {
		return RestAssured.given().baseUri("http://localhost").port(port).urlEncodingEnabled(true);
	}
}
