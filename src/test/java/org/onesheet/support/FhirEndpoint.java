package org.onesheet.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** How a test reaches the running server: HAPI's generic client for FHIR, REST Assured for raw HTTP. */
public record FhirEndpoint(int port) {

	public static final FhirContext FHIR = FhirContext.forR4Cached();

	static {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
	}

	public String base() {
		return "http://localhost:" + port + "/fhir";
	}

	public IGenericClient client() {
		return FHIR.newRestfulGenericClient(base());
	}

	/** Raw HTTP at the server root (for /fhir/..., /actuator/...). */
	public RequestSpecification http() {
		return RestAssured.given().baseUri("http://localhost").port(port).urlEncodingEnabled(true);
	}
}
