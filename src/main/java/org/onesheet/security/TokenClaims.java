package org.onesheet.security;

import org.onesheet.group.GroupMembership;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts into each access token whom the client acts for: its organisation, that organisation's county group
 * (looked up when the token is made, so a client moved to another group gets the new one within five
 * minutes), and its client id.
 */
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final GroupMembership membership;

	public TokenClaims(GroupMembership membership) {
		this.membership = membership;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String organization = context.getRegisteredClient().getClientSettings().getSetting(ClientRegistry.ORGANIZATION);
		context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
		if (organization != null) {
			context.getClaims().claim(ClientRegistry.ORGANIZATION, organization);
			membership.groupOf(organization).ifPresent(group -> context.getClaims().claim(ClientRegistry.GROUP, group));
		}
	}
}
