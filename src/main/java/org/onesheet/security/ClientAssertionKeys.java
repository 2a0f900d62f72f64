package org.onesheet.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks a client's signed assertion ({@code private_key_jwt}) against the keys it registered. Spring
 * Authorization Server fetches keys from a JWKS URL; a county clinic often has no public https address to
 * serve one, so a client may also register its JWKS as a file. Either way the assertion must be signed
 * RS384 or ES384 (SMART backend services) and pass Spring's own checks (issuer = subject = client id,
 * audience = this token endpoint, not expired).
 */
public class ClientAssertionKeys implements JwtDecoderFactory<RegisteredClient> {

	private static final Set<JWSAlgorithm> SMART_ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);

	private final JwtClientAssertionDecoderFactory byUrl = new JwtClientAssertionDecoderFactory();
	private final ResourceLoader loader;

	public ClientAssertionKeys(ResourceLoader loader) {
		this.loader = loader;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		String jwks = client.getClientSettings().getSetting(ClientRegistry.JWKS);
		if (jwks == null || jwks.startsWith("https:")) {
			return byUrl.createDecoder(client);
		}
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SMART_ALGORITHMS, new ImmutableJWKSet<>(read(jwks))));
		// Spring checks the claims below; Nimbus's own claims check would demand what the spec doesn't.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client));
		return decoder;
	}

	private JWKSet read(String location) {
		try (InputStream in = loader.getResource(location).getInputStream()) {
			return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException | ParseException e) {
			throw new IllegalStateException("the JWKS of a client at " + location + " is not readable: " + e.getMessage(), e);
		}
	}
}
