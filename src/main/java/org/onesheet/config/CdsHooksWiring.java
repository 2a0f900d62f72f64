package org.onesheet.config;

import ca.uhn.hapi.fhir.cdshooks.api.ICdsHooksDaoAuthorizationSvc;
import ca.uhn.hapi.fhir.cdshooks.config.CdsHooksConfig;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsHooksContextBooter;
import java.util.List;
import org.onesheet.record.RecognisedResultsHooks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * HAPI's CDS Hooks module with our services as beans of this context (HAPI's booter would start a second
 * Spring context of its own, which could not reach our DAOs). Served by {@code record.CdsHooksEndpoint}.
 */
@Configuration
@Import(CdsHooksConfig.class)
public class CdsHooksWiring {

	@Bean
	public CdsHooksContextBooter cdsHooksContextBooter(RecognisedResultsHooks recognisedResults) {
		return new ServicesOfThisContext(List.of(recognisedResults));
	}

	/** Prefetch is not used (our services read the database directly); access control arrives with tokens. */
	@Bean
	public ICdsHooksDaoAuthorizationSvc cdsHooksDaoAuthorizationSvc() {
		return resource -> {
		};
	}

	private static final class ServicesOfThisContext extends CdsHooksContextBooter {

		ServicesOfThisContext(List<Object> services) {
			myCdsServiceBeans.addAll(services);
		}

		@Override
		public void start() {
			// Nothing to start: the services are already beans.
		}
	}
}
