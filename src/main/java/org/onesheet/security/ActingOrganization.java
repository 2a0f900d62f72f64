package org.onesheet.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/**
 * Which member organisation a request acts for. Until the security issue brings tokens, a clinic system says
 * so in the header {@value #HEADER} ({@code Organization/<id>}); this is the one place that reads it, and
 * the one place tokens will replace.
 */
public final class ActingOrganization {

	public static final String HEADER = "X-OneSheet-Organization";

	private ActingOrganization() {
	}

	/** True for requests from a client over HTTP; false for the server's own writes (demo load, jobs). */
	public static boolean isClientRequest(RequestDetails request) {
		return request instanceof ServletRequestDetails;
	}

	/** The acting organisation as {@code Organization/<id>}, if the client named one. */
	public static Optional<String> of(RequestDetails request) {
		String header = request == null ? null : request.getHeader(HEADER);
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		IdType id = new IdType(header.trim());
		if (!"Organization".equals(id.getResourceType()) || !id.hasIdPart()) {
			throw new InvalidRequestException(HEADER + " 应为 Organization/<id> (must be Organization/<id>, got \""
					+ header + "\")");
		}
		return Optional.of(id.toUnqualifiedVersionless().getValue());
	}
}
