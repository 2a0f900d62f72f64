package org.onesheet.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;

/**
 * Which member organisation a request acts for: the organisation its client is registered to, as the access
 * token says ({@link ActingClient}). The workflow rules (who may accept a referral, claim a study, report on
 * it) ask here; none of them reads the token itself.
 */
public final class ActingOrganization {

	/** Where the acting organisation comes from, for the messages that name it. */
	public static final String SOURCE = "the organisation of your access token (令牌所属机构)";

	private ActingOrganization() {
	}

	/** True for requests from a client over HTTP; false for the server's own writes (demo load, jobs). */
	public static boolean isClientRequest(RequestDetails request) {
		return request instanceof ServletRequestDetails;
	}

	/** The acting organisation as {@code Organization/<id>}, for a client request whose token names one. */
	public static Optional<String> of(RequestDetails request) {
		if (!isClientRequest(request)) {
			return Optional.empty();
		}
		return ActingClient.current().map(ActingClient::organization).filter(org -> !org.isBlank());
	}
}
