package org.onesheet.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;

/**
 * The built-in issuer's signing key. From a PEM file in production, so that every node signs and checks with
 * the same key (a token from one node is good at all); a fresh key per start otherwise, logged as such.
 */
public final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private SigningKeys() {
	}

	public static JWKSource<SecurityContext> load(String location, ResourceLoader loader) {
		KeyPair pair = location == null || location.isBlank() ? fresh() : fromPem(location, loader);
		RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
		RSAKey key = new RSAKey.Builder(publicKey).privateKey(pair.getPrivate()).keyID(keyId(publicKey)).build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	private static KeyPair fresh() {
		log.warn("No onesheet.security.signing-key: tokens are signed with a key made at this start. Fine for one "
				+ "node; several nodes need one key file, or each refuses the others' tokens.");
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static KeyPair fromPem(String location, ResourceLoader loader) {
		try (InputStream in = loader.getResource(location).getInputStream()) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
					.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
					.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
					.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new KeyPair(publicKey, privateKey);
		} catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException | ClassCastException
				| IllegalArgumentException e) {
			throw new IllegalStateException("onesheet.security.signing-key " + location
					+ " is not a readable PKCS#8 RSA private key in PEM: " + e.getMessage(), e);
		}
	}

	/** The same key gets the same id on every node (the JWKS and the tokens' kid agree). */
	private static String keyId(RSAPublicKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getModulus().toByteArray());
			return HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
