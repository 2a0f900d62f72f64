package org.onesheet.system;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import java.util.List;
import org.onesheet.config.FhirServerPlugin;
import org.onesheet.config.OneSheetProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

/** CORS for browser tools and Postman's web client; on for localhost unless configured otherwise. */
@Component
public class CorsPlugin implements FhirServerPlugin {

	private final List<String> allowedOrigins;

	public CorsPlugin(OneSheetProperties properties) {
		this.allowedOrigins = properties.corsAllowedOrigins();
	}

	@Override
	public void registerWith(RestfulServer server) {
		if (allowedOrigins.isEmpty()) {
			return;
		}
		CorsConfiguration cors = new CorsConfiguration();
		allowedOrigins.forEach(cors::addAllowedOriginPattern);
		List.of(
						HttpHeaders.ORIGIN,
						HttpHeaders.ACCEPT,
						HttpHeaders.CONTENT_TYPE,
						HttpHeaders.AUTHORIZATION,
						HttpHeaders.CACHE_CONTROL,
						HttpHeaders.IF_MATCH,
						HttpHeaders.IF_NONE_MATCH,
						"Prefer",
						"X-Requested-With",
						RequestIdFilter.HEADER)
				.forEach(cors::addAllowedHeader);
		List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION, HttpHeaders.ETAG, RequestIdFilter.HEADER)
				.forEach(cors::addExposedHeader);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"));
		server.registerInterceptor(new CorsInterceptor(cors));
	}
}
