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
import ca.uhn.fhir.mdm.api.IMdmSettings;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Hands HAPI's subscription matcher only the writes some subscription could match. HAPI queues every write
 * for matching: a row in {@code HFJ_RESOURCE_MODIFIED} in the write's transaction, then, on a background
 * thread, the resource read back from the database, matched against every subscription, and the row
 * deleted. A county group subscribes to few types (MDM to Patient, clinics to their referral Tasks), yet the
 * audit trail alone writes an AuditEvent for every resource a client touches: in the benchmark's load a fifth
 * of the server's CPU went to queueing and reading back writes no subscription could want (README,
 * Performance).
 *
 * <p>What passes:
 * <ul>
 * <li>the types MDM links, always: MDM hears of them through a subscription the server creates for itself at
 * start, which reaches this node's registry only a moment later, after the demo load may have begun;</li>
 * <li>a Subscription, since its own activation goes through the same queue;</li>
 * <li>everything, while this node's registry is still empty (it has not loaded the stored subscriptions yet),
 * or when a subscription to every type ({@code [*]}) or a topic subscription is active;</li>
 * <li>otherwise, the types an active subscription names. The registry is what HAPI itself matches against a
 * moment later; every node loads it from the database, so a node decides no differently than HAPI would.</li>
 * </ul>
 */
@Component
@Interceptor
public class SubscribedTypesOnly {

	private final SubscriptionRegistry registry;
	private final FhirContext fhirContext;
	private final IMdmSettings mdmSettings;

	public SubscribedTypesOnly(SubscriptionRegistry registry, FhirContext fhirContext, IMdmSettings mdmSettings,
			IInterceptorService storageInterceptors) {
		this.registry = registry;
		this.fhirContext = fhirContext;
		this.mdmSettings = mdmSettings;
		storageInterceptors.registerInterceptor(this);
	}

	/** {@code false} stops HAPI from queueing the write for matching. */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean queueForMatching(ResourceModifiedMessage message) {
		String type = message.getResourceType(fhirContext);
		if (type == null || "Subscription".equals(type) || linkedByMdm(type)) {
			return true;
		}
		Collection<ActiveSubscription> active = registry.getAll();
		return active.isEmpty() || active.stream().anyMatch(subscription -> couldMatch(subscription, type));
	}

	private boolean linkedByMdm(String type) {
		return mdmSettings.isEnabled() && mdmSettings.isSupportedMdmType(type);
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
