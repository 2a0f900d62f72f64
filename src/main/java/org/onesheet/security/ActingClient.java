package org.onesheet.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The client a request comes from, as its access token says: its id, the organisation it acts for, that
 * organisation's county group and its SMART scopes. Spring Security checked the token before HAPI saw the
 * request, on the same thread, so the token is at hand wherever HAPI calls us for that request.
 */
public record ActingClient(String clientId, String organization, String group, List<SmartScope> scopes) {

	public static Optional<ActingClient> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return Optional.empty();
		}
		Jwt jwt = token.getToken();
		String clientId = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
		return Optional.of(new ActingClient(clientId, jwt.getClaimAsString(ClientRegistry.ORGANIZATION),
				jwt.getClaimAsString(ClientRegistry.GROUP), scopes(jwt.getClaim("scope"))));
	}

	private static List<SmartScope> scopes(Object claim) {
		Collection<?> words = claim instanceof Collection<?> list ? list
				: claim == null ? List.of() : List.of(claim.toString().split(" "));
		return words.stream().map(Object::toString).map(SmartScope::parse).flatMap(Optional::stream).toList();
	}

	/** The client of the group organisation itself: the group's IT administrator. */
	public boolean isAdministrator() {
		return organization != null && organization.equals(group);
	}

	/** The client of an HTTP request; none for the server's own work (demo load, jobs, the audit trail). */
	public static Optional<ActingClient> of(ca.uhn.fhir.rest.api.server.RequestDetails request) {
		return ActingOrganization.isClientRequest(request) ? current() : Optional.empty();
	}

}
