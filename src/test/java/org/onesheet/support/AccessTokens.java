package org.onesheet.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the way a clinic system gets them: the client_credentials grant at the built-in issuer, with
 * the demo client of an organisation (client id = the organisation's id, the demo secret). Kept for three of
 * their five minutes, so that a test suite asks for few.
 */
public final class AccessTokens {

	public static final String DEMO_SECRET = "demo-secret";
	/** The demo group's own organisation: its client is the group's administrator. */
	public static final String ADMINISTRATOR = "jmse-group";

	private record Held(String token, long obtainedAt) {
	}

	private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

	private AccessTokens() {
	}

	/** A token for the demo client of an organisation ({@code Organization/<id>} or the bare id). */
	public static String of(int port, String organization) {
		String clientId = organization.replaceFirst("^Organization/", "");
		String key = port + "/" + clientId;
		Held held = HELD.get(key);
		if (held == null || System.currentTimeMillis() - held.obtainedAt > 180_000) {
			String scope = ADMINISTRATOR.equals(clientId) || clientId.endsWith("-group") ? "system/*.cruds" : "system/*.crus";
			held = new Held(request(port, clientId, DEMO_SECRET, scope).then().statusCode(200).extract()
					.path("access_token"), System.currentTimeMillis());
			HELD.put(key, held);
		}
		return held.token;
	}

	/** The raw token request, for tests of the issuer itself. */
	public static Response request(int port, String clientId, String secret, String scope) {
		return RestAssured.given().baseUri("http://localhost").port(port).auth().preemptive().basic(clientId, secret)
				.contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
				.formParam("scope", scope).post("/oauth2/token");
	}
}
