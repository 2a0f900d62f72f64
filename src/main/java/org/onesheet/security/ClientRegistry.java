package org.onesheet.security;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Organization;
import org.onesheet.group.GroupMembership;
import org.onesheet.group.InstitutionLevel;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the built-in issuer knows: those in {@code onesheet.security.clients}, and in development one
 * demo client per organisation of the demo groups (client id = the organisation's id, the shared demo
 * secret). Each client acts for one organisation; the token carries it and its group. Nothing is kept in
 * memory: every node answers from the configuration and the database alike.
 */
public class ClientRegistry implements RegisteredClientRepository {

	/** The token claims this server adds: whom the client acts for, and that organisation's county group. */
	public static final String ORGANIZATION = "organization";
	public static final String GROUP = "group";
	static final String JWKS = "onesheet.jwks";

	/** A member clinic may read the group's record and write as itself, but delete nothing. */
	public static final List<String> MEMBER_SCOPES = List.of("system/*.crus");
	/** The group's IT administrator (the group organisation's own client). */
	public static final List<String> ADMINISTRATOR_SCOPES = List.of("system/*.cruds");

	private final SecurityProperties properties;
	private final GroupMembership membership;

	public ClientRegistry(SecurityProperties properties, GroupMembership membership) {
		this.properties = properties;
		this.membership = membership;
	}

	/**
	 * Spring calls this to re-store a secret in a stronger encoding after a successful check; the clients
	 * live in the configuration, not here, so there is nothing to store.
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (clientId == null || clientId.isBlank()) {
			return null;
		}
		return properties.clients().stream().filter(client -> clientId.equals(client.clientId()))
				.filter(client -> !client.demo() || properties.demoClients()).findFirst()
				.map(this::configured)
				.or(() -> properties.demoClients() ? demo(clientId) : Optional.empty())
				.orElse(null);
	}

	private RegisteredClient configured(SecurityProperties.Client client) {
		RegisteredClient.Builder builder = base(client.clientId(), client.organization(), client.scopes());
		if (client.jwks() != null && !client.jwks().isBlank()) {
			ClientSettings.Builder settings = settings(client.organization())
					.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384).setting(JWKS, client.jwks());
			if (client.jwks().startsWith("https:")) {
				settings.jwkSetUrl(client.jwks());
			}
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT).clientSettings(settings.build());
		}
		if (client.secret() != null && !client.secret().isBlank()) {
			builder.clientSecret(client.secret())
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		return builder.build();
	}

	/** A demo organisation's client: the group organisation administers, every other member is a clinic. */
	private Optional<RegisteredClient> demo(String clientId) {
		if (!clientId.matches("[A-Za-z0-9\\-.]{1,64}")) {
			return Optional.empty();
		}
		String organization = "Organization/" + clientId;
		return membership.organization(organization).filter(Organization::getActive).map(org -> {
			boolean group = InstitutionLevel.of(org).orElse(null) == InstitutionLevel.GROUP;
			return base(clientId, organization, group ? ADMINISTRATOR_SCOPES : MEMBER_SCOPES)
					.clientSecret("{noop}" + properties.demoClientSecret())
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
					.build();
		});
	}

	private RegisteredClient.Builder base(String clientId, String organization, List<String> scopes) {
		return RegisteredClient.withId(clientId).clientId(clientId).clientName(clientId)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes(set -> set.addAll(scopes))
				.clientSettings(settings(organization).build())
				.tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
						.accessTokenTimeToLive(properties.tokenLifetime()).build());
	}

	private static ClientSettings.Builder settings(String organization) {
		return ClientSettings.builder().requireAuthorizationConsent(false).setting(ORGANIZATION, organization);
	}
}
