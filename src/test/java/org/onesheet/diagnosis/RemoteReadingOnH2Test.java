package org.onesheet.diagnosis;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class RemoteReadingOnH2Test implements RemoteReadingContract {

	@LocalServerPort
	int port;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}
}
