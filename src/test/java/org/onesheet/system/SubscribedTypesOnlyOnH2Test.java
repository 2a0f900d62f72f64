package org.onesheet.system;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.onesheet.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which writes reach HAPI's subscription matcher on the running server. That a type someone subscribes to at
 * run time still gets through is shown end to end by the referral notification tests (Task?owner=…).
 */
@H2ServerTest
class SubscribedTypesOnlyOnH2Test {

	@Autowired
	SubscribedTypesOnly filter;

	@Autowired
	FhirContext fhirContext;

	private boolean queued(IBaseResource resource) {
		return filter.queueForMatching(new ResourceModifiedMessage(fhirContext, resource, OperationTypeEnum.CREATE));
	}

	@Test
	void anAuditEventNoSubscriptionNamesIsNotQueued() {
		assertThat(queued(new AuditEvent().setId("AuditEvent/1"))).isFalse();
	}

	@Test
	void aPatientIsQueuedForMdm() {
		assertThat(queued(new Patient().setId("Patient/1"))).isTrue();
	}

	@Test
	void aSubscriptionIsQueuedSoItCanBeActivated() {
		assertThat(queued(new Subscription().setId("Subscription/1"))).isTrue();
	}
}
