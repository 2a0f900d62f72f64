package org.onesheet.chronic;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.stereotype.Component;

/**
 * Two readings of one patient written at the same moment (two clinics, or two nodes) both re-grade the same
 * plan; the database lets one commit and HAPI refuses the other with a version conflict. A reading is not the
 * clinic's to send again because somebody else's arrived at the same time, so a {@code POST Observation}
 * that meets such a conflict is run again, whole, in a new transaction (it reads the plan afresh), up to
 * {@value #MAX_RETRIES} times. Other writes keep HAPI's default (409; a client may ask for retries with
 * {@code X-Retry-On-Version-Conflict}).
 */
@Component
@Interceptor
public class ReadingRetries {

	static final int MAX_RETRIES = 10;

	public ReadingRetries(IInterceptorService storageInterceptors) {
		storageInterceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy retryReadings(RequestDetails request) {
		if (request == null || request.getRequestType() != RequestTypeEnum.POST
				|| !"Observation".equals(request.getResourceName())) {
			return null; // not ours: HAPI's default, or the client's X-Retry-On-Version-Conflict
		}
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		strategy.setRetry(true);
		strategy.setMaxRetries(MAX_RETRIES);
		return strategy;
	}
}
