package org.onesheet.support;

import java.time.Duration;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Subscription;

/** Waiting for a subscription a test created to be one HAPI delivers to. */
public final class ActiveSubscriptions {

	/**
	 * After HAPI marks a subscription active, each node's registry of active subscriptions picks it up on its
	 * next refresh from the database; no client can see that moment, so the test gives it this long.
	 */
	private static final Duration REGISTRY_REFRESH = Duration.ofMillis(1500);

	private ActiveSubscriptions() {
	}

	public static void awaitActive(FhirEndpoint endpoint, IIdType subscription) throws InterruptedException {
		Eventually.that("subscription " + subscription.getIdPart() + " activated")
				.until(() -> endpoint.client().read().resource(Subscription.class).withId(subscription).execute()
						.getStatus() == Subscription.SubscriptionStatus.ACTIVE);
		Thread.sleep(REGISTRY_REFRESH.toMillis());
	}
}
