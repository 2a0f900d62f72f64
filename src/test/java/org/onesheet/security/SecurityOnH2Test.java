package org.onesheet.security;

import org.onesheet.support.FhirEndpoint;
import org.onesheet.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@H2ServerTest
class SecurityOnH2Test implements SecurityContract {

	@LocalServerPort
	int port;

	@Autowired
	AuditQueue auditQueue;

	@Autowired
	AuditQueueDrain auditQueueDrain;

	@Override
	public FhirEndpoint endpoint() {
		return new FhirEndpoint(port);
	}

	@Override
	public AuditQueue auditQueue() {
		return auditQueue;
	}

	@Override
	public AuditQueueDrain auditQueueDrain() {
		return auditQueueDrain;
	}
}
