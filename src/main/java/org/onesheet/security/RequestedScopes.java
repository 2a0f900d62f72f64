package org.onesheet.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * Which scopes a token request may have. Spring's default grants only scopes registered word for word; SMART
 * lets a client registered for {@code system/*.rs} ask for {@code system/Observation.rs} alone, so a request
 * is granted when each scope it names lies within one the client holds. A request must name its scopes.
 */
public class RequestedScopes implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

	@Override
	public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
		OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
		Set<String> requested = request.getScopes();
		if (requested.isEmpty()) {
			throw refused("ask for the SMART scopes you need, e.g. scope=system/Patient.rs");
		}
		List<SmartScope> held = context.getRegisteredClient().getScopes().stream().map(SmartScope::parse)
				.flatMap(Optional::stream).toList();
		for (String scope : requested) {
			Optional<SmartScope> asked = SmartScope.parse(scope);
			if (asked.isEmpty()) {
				throw refused("\"" + scope + "\" is not a SMART system scope (system/<Type>.<cruds>)");
			}
			if (held.stream().noneMatch(asked.get()::within)) {
				throw refused("this client is not registered for " + scope + "; it holds "
						+ context.getRegisteredClient().getScopes());
			}
		}
	}

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, description, null));
	}
}
