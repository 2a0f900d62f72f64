package org.onesheet.record;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<id>/$everything} answers for the resident, not for one clinic's registration: it follows
 * the MDM links by default (HAPI's {@code _mdm=true}), whether the id is a golden record or any clinic's
 * local patient, because that is the shared record (全省一张单) a member asks for. {@code _mdm=false} still
 * gives one registration's own data. The spec's {@code _since} (changed since an instant), which HAPI's
 * operation lacks, becomes {@code _lastUpdated=ge<instant>}.
 */
@Component
@Interceptor
public class WholeRecordEverything implements FhirServerPlugin {

	static final String SINCE = "_since";

	@Override
	public void registerWith(RestfulServer server) {
		server.registerInterceptor(this);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean widen(RequestDetails request) {
		if (!"Patient".equals(request.getResourceName())
				|| !JpaConstants.OPERATION_EVERYTHING.equals(request.getOperation())) {
			return true;
		}
		if (request.getId() != null && !request.getParameters().containsKey(Constants.PARAM_MDM)) {
			request.addParameter(Constants.PARAM_MDM, new String[] {"true"});
		}
		String[] since = request.getParameters().get(SINCE);
		if (since != null) {
			request.removeParameter(SINCE);
			if (since.length != 1 || !isInstant(since[0])) {
				throw new InvalidRequestException("_since 须为带时区的时间 (must be one instant with a time zone, "
						+ "e.g. 2026-11-24T00:00:00+08:00): " + String.join(",", since));
			}
			if (request.getParameters().containsKey(Constants.PARAM_LASTUPDATED)) {
				throw new InvalidRequestException("give either _since or _lastUpdated, not both (二者只能取一)");
			}
			request.addParameter(Constants.PARAM_LASTUPDATED, new String[] {"ge" + since[0]});
		}
		return true;
	}

	private static boolean isInstant(String value) {
		try {
			InstantDt instant = new InstantDt(value);
			return instant.getValue() != null && instant.getTimeZone() != null && value.contains("T");
		} catch (RuntimeException notAnInstant) {
			return false;
		}
	}
}
