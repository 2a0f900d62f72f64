package org.onesheet.system;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Hands HAPI's subscription matcher only the writes some active subscription could match. HAPI queues every
 * write for matching: a row in {@code HFJ_RESOURCE_MODIFIED} in the write's transaction, then, on a
 * background thread, the resource read back from the database, matched against every subscription, and the
 * row deleted. A county group subscribes to few types (MDM to Patient, clinics to their referral Tasks), yet
 * the audit trail alone writes an AuditEvent for every resource a client touches: in the benchmark's load a
 * fifth of the server's CPU went to queueing and reading back writes no subscription could want (README,
 * Performance).
 *
 * <p>Decided from this node's registry of active subscriptions, which HAPI itself matches against a moment
 * later and keeps in step with the database on every node; a Subscription is always passed on, since its
 * own activation goes through the same queue. A subscription to every type ({@code [*]}) or a topic
 * subscription lets everything through.
 */
@Component
@Interceptor
public class SubscribedTypesOnly {

	private final SubscriptionRegistry registry;
	private final FhirContext fhirContext;

	public SubscribedTypesOnly(SubscriptionRegistry registry, FhirContext fhirContext,
			IInterceptorService storageInterceptors) {
		this.registry = registry;
		this.fhirContext = fhirContext;
		storageInterceptors.registerInterceptor(this);
	}

	/** {@code false} stops HAPI from queueing the write for matching. */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean queueForMatching(ResourceModifiedMessage message) {
		String type = message.getResourceType(fhirContext);
		if (type == null || "Subscription".equals(type)) {
			return true;
		}
		return registry.getAll().stream().anyMatch(subscription -> couldMatch(subscription, type));
	}

	private static boolean couldMatch(ActiveSubscription subscription, String type) {
		if (subscription.getSubscription() != null && subscription.getSubscription().isTopicSubscription()) {
			return true;
		}
		SubscriptionCriteriaParser.SubscriptionCriteria criteria = subscription.getCriteria();
		if (criteria == null || criteria.getType() == SubscriptionCriteriaParser.TypeEnum.STARTYPE_EXPRESSION) {
			return true;
		}
		Set<String> types = criteria.getApplicableResourceTypes();
		return types == null || types.contains(type);
	}
}
