package org.onesheet.conformance;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class ProfileEnforcementOnH2Test implements ProfileEnforcementContract {

	@LocalServerPort
	int port;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}
}
