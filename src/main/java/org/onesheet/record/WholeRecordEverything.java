package org.onesheet.record;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.onesheet.config.FhirServerPlugin;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/<id>/$everything} answers for the resident, not for one clinic's registration: it follows
 * the MDM links by default (HAPI's {@code _mdm=true}), whether the id is a golden record or any clinic's
 * local patient, because that is the shared record (全省一张单) a member asks for. {@code _mdm=false} still
 * gives one registration's own data.
 *
 * <p>HAPI 8.8's operation lets resources through that {@code _type} excludes (those its includes reach, hapi-fhir
 * #7847) and has no {@code _since} (only changed since an instant). Both are applied here to each page as it is
 * shown, and carried in the page links, so that every page of the result, served by any node, is filtered alike.
 * A page may hold fewer entries than {@code _count}; the links still lead through the whole record.
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
		if (!isEverything(request)) {
			return true;
		}
		if (request.getId() != null && !request.getParameters().containsKey(Constants.PARAM_MDM)) {
			request.addParameter(Constants.PARAM_MDM, new String[] {"true"});
		}
		since(request);
		return true;
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void filter(IPreResourceShowDetails shown, RequestDetails request) {
		if (request == null || !(isEverything(request) || isPageOfFilteredEverything(request))) {
			return;
		}
		Date since = since(request);
		Set<String> types = types(request);
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource == null) {
				continue;
			}
			boolean wrongType = !types.isEmpty() && !types.contains(resource.fhirType());
			Date updated = resource.getMeta().getLastUpdated();
			boolean unchanged = since != null && updated != null && updated.before(since);
			if (wrongType || unchanged) {
				shown.setResource(i, null);
			}
		}
	}

	/** The filters go into the page links, which is all a later page request carries. */
	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean carryFilters(RequestDetails request, ResponseDetails response) {
		if (!(response.getResponseResource() instanceof Bundle bundle)
				|| !(isEverything(request) || isPageOfFilteredEverything(request))) {
			return true;
		}
		StringBuilder filters = new StringBuilder();
		for (String name : new String[] {SINCE, Constants.PARAM_TYPE}) {
			String[] values = request.getParameters().get(name);
			if (values != null && values.length > 0) {
				filters.append('&').append(name).append('=').append(URLEncoder.encode(String.join(",", values), StandardCharsets.UTF_8));
			}
		}
		if (filters.isEmpty()) {
			return true;
		}
		bundle.getLink().stream()
				.filter(link -> link.getUrl() != null && link.getUrl().contains(Constants.PARAM_PAGINGACTION + "="))
				.filter(link -> !link.getUrl().contains(filters.toString()))
				.forEach(link -> link.setUrl(link.getUrl() + filters));
		return true;
	}

	private static boolean isEverything(RequestDetails request) {
		return "Patient".equals(request.getResourceName())
				&& JpaConstants.OPERATION_EVERYTHING.equals(request.getOperation());
	}

	private static boolean isPageOfFilteredEverything(RequestDetails request) {
		return request.getParameters().containsKey(Constants.PARAM_PAGINGACTION)
				&& (request.getParameters().containsKey(SINCE) || request.getParameters().containsKey(Constants.PARAM_TYPE));
	}

	private static Date since(RequestDetails request) {
		String[] since = request.getParameters().get(SINCE);
		if (since == null) {
			return null;
		}
		if (since.length != 1 || !isInstant(since[0])) {
			throw new InvalidRequestException("_since 须为带时区的时间 (must be one instant with a time zone, "
					+ "e.g. 2026-11-24T00:00:00+08:00): " + String.join(",", since));
		}
		return new InstantDt(since[0]).getValue();
	}

	private static Set<String> types(RequestDetails request) {
		String[] types = request.getParameters().get(Constants.PARAM_TYPE);
		return types == null ? Set.of() : Arrays.stream(types).flatMap(value -> Arrays.stream(value.split(",")))
				.map(String::trim).filter(type -> !type.isEmpty()).collect(Collectors.toSet());
	}

	private static boolean isInstant(String value) {
		try {
			InstantDt instant = new InstantDt(value);
			return instant.getValue() != null && value.contains("T");
		} catch (RuntimeException notAnInstant) {
			return false;
		}
	}
}
