package org.onesheet.system;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class FhirServerOnH2Test implements RestApiContract, BadInputContract {

	@LocalServerPort
	int port;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}
}
