package org.onesheet.config;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * What a capability adds to the FHIR endpoint (its interceptors and operation providers).
 * Each capability package declares its own plugin bean, so the server wiring never has to
 * learn about a new feature.
 */
@FunctionalInterface
public interface FhirServerPlugin {

	void registerWith(RestfulServer server);
}
