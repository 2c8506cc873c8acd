package io.orderflow.authclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the {@code S256} method, and the random
 * {@code state} of an authorization request.
 */
final class Pkce {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private Pkce() {
	}

	/**
	 * @return a new code verifier: 32 random bytes, base64url without padding (43
	 * characters, the RFC's recommendation)
	 */
	static String newVerifier() {
		return randomToken();
	}

	/**
	 * @return 32 random bytes, base64url without padding
	 */
	static String randomToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/**
	 * @param verifier the code verifier
	 * @return {@code BASE64URL(SHA256(ASCII(verifier)))}, the {@code code_challenge} for
	 * {@code code_challenge_method=S256}
	 */
	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return BASE64URL.encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must support SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
