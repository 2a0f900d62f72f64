package org.onesheet.metrics;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class MetricsOnH2Test implements MetricsContract {

	@LocalServerPort
	int port;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}
}
