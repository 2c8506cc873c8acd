package io.orderflow.web.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Keeps tokens that were decoded and validated, by their exact text, until they expire: a
 * client that sends the same token again (each long-poll of an order, each order of a
 * customer) is not verified again. Measured under load, verifying (Base64, JSON, the RSA
 * signature, claim conversion) was a fifth of order-service's CPU samples.
 * <p>
 * Only tokens the delegate accepted are kept, under their full text, signature included:
 * a token that differs in one character is decoded (and refused) anew. A kept token is
 * returned only while it has not expired; after that it is decoded again, and the
 * delegate refuses it. What the delegate checks besides time (signature, issuer,
 * audience) cannot change for a given text, except that a signing key removed from the
 * issuer's key set stops verifying: a token it signed stays accepted here for at most
 * {@link #MAX_AGE}, like one whose verified key set is still cached.
 */
final class CachingJwtDecoder implements JwtDecoder {

	/**
	 * Longest time a decoded token is kept (tokens of the suite live 5 or 30 minutes).
	 */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	/** Tokens kept at most (a few KiB each). */
	static final long MAX_TOKENS = 4_096;

	private final JwtDecoder delegate;

	private final InstantSource clock;

	private final Cache<String, Jwt> decoded;

	CachingJwtDecoder(JwtDecoder delegate, InstantSource clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.decoded = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt kept = this.decoded.getIfPresent(token);
		if (kept != null && unexpired(kept)) {
			return kept;
		}
		Jwt jwt = this.delegate.decode(token);
		if (unexpired(jwt)) {
			this.decoded.put(token, jwt);
		}
		return jwt;
	}

	private boolean unexpired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	/**
	 * @return the number of tokens kept (for tests)
	 */
	long size() {
		this.decoded.cleanUp();
		return this.decoded.estimatedSize();
	}

}
