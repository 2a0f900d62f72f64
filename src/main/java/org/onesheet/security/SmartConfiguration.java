package org.onesheet.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /.well-known/smart-configuration}: where a SMART backend-services client finds the token endpoint
 * and what it supports. Served at the FHIR base (where SMART looks) and at the server root.
 */
@RestController
@Component
public class SmartConfiguration implements FhirServerPlugin {

	static final String PATH = "/.well-known/smart-configuration";
	private static final ObjectMapper JSON = new ObjectMapper();

	private final SecurityProperties properties;

	public SmartConfiguration(SecurityProperties properties) {
		this.properties = properties;
	}

	@GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	public Map<String, Object> document() {
		String root = properties.publicUrl() == null || properties.publicUrl().isBlank()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
				: properties.publicUrl().replaceAll("/$", "");
		Map<String, Object> document = new LinkedHashMap<>();
		if (properties.externalIssuer()) {
			String issuer = properties.issuerUri().replaceAll("/$", "");
			document.put("issuer", issuer);
			// Keycloak's layout; another issuer publishes its own in its openid-configuration.
			document.put("token_endpoint", issuer + "/protocol/openid-connect/token");
			document.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
		} else {
			document.put("issuer", root);
			document.put("token_endpoint", root + "/oauth2/token");
			document.put("jwks_uri", root + "/oauth2/jwks");
		}
		document.put("grant_types_supported", List.of("client_credentials"));
		document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic",
				"client_secret_post"));
		document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
		document.put("scopes_supported", List.of("system/*.rs", "system/*.crus", "system/*.cruds",
				"system/Patient.rs", "system/Observation.rs", "system/DiagnosticReport.rs", "system/ServiceRequest.cruds",
				"system/Task.cruds", "system/AuditEvent.rs"));
		document.put("capabilities", List.of("client-confidential-asymmetric", "client-confidential-symmetric",
				"permission-v2", "permission-v1"));
		return document;
	}

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	/** The same document at {@code /fhir/.well-known/...}, which HAPI's servlet would otherwise take as a resource type. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean atFhirBase(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"GET".equals(request.getMethod()) || request.getPathInfo() == null || !request.getPathInfo().equals(PATH)) {
			return true;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), document());
		return false;
	}
}
