package org.onesheet.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code onesheet.security.*}: who issues tokens, how long they live, which clients exist.
 *
 * @param issuerUri an external OpenID issuer (e.g. Keycloak) whose tokens the server accepts; when set, the
 *        built-in issuer steps aside and its token endpoint is not served
 * @param publicUrl the address clients use to reach the server (behind a load balancer); the built-in issuer
 *        names itself by it. Empty: taken from each request
 * @param signingKey a PEM file (PKCS#8 RSA private key) the built-in issuer signs tokens with. Every node of a
 *        group must use the same key, or one node refuses another's tokens; empty makes a fresh key at start,
 *        good for one node only
 * @param tokenLifetime how long an access token lives (SMART backend services: at most five minutes)
 * @param demoClientSecret the secret of the demo clients, one per demo organisation (development only; see
 *        README). Empty registers no demo clients
 * @param tokenRequestsPerMinute token requests one client may make per minute on one node
 * @param clients the registered clients
 * @param audit keep the audit trail (BALP AuditEvents). Off only to measure what it costs: a group that turns
 *        it off has no record of who looked at whose data
 */
@ConfigurationProperties(prefix = "onesheet.security")
public record SecurityProperties(
		String issuerUri,
		String publicUrl,
		String signingKey,
		@DefaultValue("PT5M") Duration tokenLifetime,
		String demoClientSecret,
		@DefaultValue("30") int tokenRequestsPerMinute,
		@DefaultValue({}) List<Client> clients,
		@DefaultValue("true") boolean audit) {

	public SecurityProperties {
		clients = clients == null ? List.of() : List.copyOf(clients);
	}

	public boolean externalIssuer() {
		return issuerUri != null && !issuerUri.isBlank();
	}

	public boolean demoClients() {
		return demoClientSecret != null && !demoClientSecret.isBlank();
	}

	/**
	 * One registered client.
	 *
	 * @param clientId its id
	 * @param organization the member organisation it acts for, {@code Organization/<id>}
	 * @param scopes the SMART scopes it may ask for
	 * @param secret a client secret ({@code {bcrypt}...} or {@code {noop}...}); only for development
	 * @param jwks where its public keys are, for {@code private_key_jwt}: a JWKS file ({@code file:} or
	 *        {@code classpath:}) or an https URL
	 * @param demo a demo client (its private key is in the repository): registered only while the demo
	 *        clients are ({@code demo-client-secret} set)
	 */
	public record Client(String clientId, String organization, List<String> scopes, String secret, String jwks,
			boolean demo) {

		public Client {
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}
	}
}
