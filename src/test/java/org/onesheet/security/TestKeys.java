package org.onesheet.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signed JWTs for the tests: a client's assertion (private_key_jwt), forged and expired access tokens. */
final class TestKeys {

	/** The demo EMR client's private key; its public half is registered in application.yml. */
	static final Path EMR_KEY = Path.of("scripts/demo-keys/jmse-emr.private.pem");
	/** The key the test server's built-in issuer signs with (application-test.yml). */
	static final Path ISSUER_KEY = Path.of("src/test/resources/keys/test-issuer.pem");

	private TestKeys() {
	}

	static PrivateKey read(Path pem) {
		try {
			String body = Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
		} catch (IOException | java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static PrivateKey someOtherKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair().getPrivate();
		} catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** SMART backend services' client assertion: iss = sub = client id, aud = token endpoint, five minutes. */
	static String clientAssertion(String clientId, String tokenEndpoint, PrivateKey key) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenEndpoint)
				.jwtID(UUID.randomUUID().toString()).issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID("jmse-emr-1").build(), claims, key);
	}

	/** An access token as the issuer would make one, but with the given expiry and key. */
	static String accessToken(String clientId, String organization, String group, Instant expires, PrivateKey key) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId)
				.claim("organization", organization).claim("group", group).claim("scope", List.of("system/*.rs"))
				.issueTime(Date.from(expires.minusSeconds(300))).expirationTime(Date.from(expires)).build();
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims, key);
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, PrivateKey key) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
