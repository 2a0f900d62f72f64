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

	/**
	 * True when a member organisation acts: a client request, and not the group's administrator. The
	 * administrator acts for the group as a whole (corrections, back-loading records from before OneSheet), so
	 * the workflows treat its writes like the server's own: their state machines still hold, but no party
	 * rule asks which member it is.
	 */
	public static boolean isMemberActing(RequestDetails request) {
		return of(request).isPresent();
	}

	/** The acting member organisation as {@code Organization/<id>}, for a member client's request. */
	public static Optional<String> of(RequestDetails request) {
		if (!isClientRequest(request)) {
			return Optional.empty();
		}
		return ActingClient.current().filter(client -> !client.isAdministrator()).map(ActingClient::organization)
				.filter(org -> !org.isBlank());
	}
}
