package org.onesheet.config;

import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.config.WebsocketDispatcherConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * HAPI's FHIR R4 subscriptions, so that a clinic learns of new and changed referrals without polling:
 * rest-hook (the server POSTs to the clinic's endpoint) and websocket (the clinic binds a subscription on
 * {@code /websocket} and gets a ping per change).
 *
 * <p>Every node loads the active Subscriptions from the database and matches the writes it handles
 * itself, so a rest-hook subscription works behind a load balancer. A websocket is bound to the one node
 * it connected to and hears only the changes written through that node; clinics behind a balancer should
 * use rest-hook (or pin websockets to a node) until the nodes share a message broker.
 */
@Configuration
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class, WebsocketDispatcherConfig.class})
public class SubscriptionConfig {

	@Bean
	public SubscriptionSettings subscriptionSettings() {
		SubscriptionSettings settings = new SubscriptionSettings();
		settings.addSupportedSubscriptionType(SubscriptionChannelType.RESTHOOK);
		settings.addSupportedSubscriptionType(SubscriptionChannelType.WEBSOCKET);
		// MDM receives each Patient write through a message subscription of its own.
		settings.addSupportedSubscriptionType(SubscriptionChannelType.MESSAGE);
		settings.setWebsocketContextPath("/websocket");
		return settings;
	}

	/** HAPI's delivery wiring asks for a mail sender; email is not a channel this server offers. */
	@Bean
	public IEmailSender emailSender() {
		return email -> {
			throw new UnsupportedOperationException("email subscriptions are not enabled on OneSheet");
		};
	}
}
