package org.onesheet.security;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class SecurityOnH2Test implements SecurityContract {

	@LocalServerPort
	int port;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}
}
