package org.onesheet.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Backend-services tokens are signed, self-contained and live five
 * minutes: any node checks one by its signature alone, so there is nothing to share between nodes, nothing
 * to grow in memory with every token, and nothing to revoke that expiry does not end sooner. (Spring's
 * default keeps every authorization in one JVM's memory.)
 */
public class StatelessAuthorizations implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}
}
