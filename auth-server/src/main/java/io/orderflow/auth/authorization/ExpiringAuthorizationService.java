package io.orderflow.auth.authorization;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring Authorization Server's in-memory authorizations, made safe for concurrent logins
 * and bounded in time.
 * <ul>
 * <li>{@link InMemoryOAuth2AuthorizationService} iterates its map of unfinished
 * authorizations (a {@code synchronizedMap}) without holding that map's lock: a token
 * request racing another user's authorization request fails with a
 * {@link java.util.ConcurrentModificationException}, a 500 at {@code /oauth2/token}
 * (seen: 24 of 330 logins of 11 users on 8 threads). Every call here holds one lock; each
 * is a few map operations.</li>
 * <li>It keeps every completed authorization forever (spring-security#19591). Here one is
 * removed once the last of its tokens (authorization code, access, refresh and ID token)
 * has expired, found by a sweep at most once per {@link #SWEEP_INTERVAL} when an
 * authorization is saved. The unfinished ones, which carry no token yet, the delegate
 * already bounds (its 100 most recent).</li>
 * </ul>
 * The suite's authorizations live no longer than the server (tokens are verified by
 * signature, never looked up here): a restart makes its users log in again, as the
 * issuer's generated key does.
 */
public final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

	/** How often at most the expired authorizations are looked for. */
	static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The tokens this server can issue; device codes are not, no client has that grant.
	 */
	private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
			OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class);

	private final OAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

	private final ReentrantLock lock = new ReentrantLock();

	/** Completed authorizations by id: when their last token expires. */
	private final Map<String, Instant> expiries = new HashMap<>();

	private final InstantSource clock;

	private Instant nextSweep;

	/**
	 * @param clock what the tokens' expiry is compared with
	 */
	public ExpiringAuthorizationService(InstantSource clock) {
		this.clock = clock;
		this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.lock.lock();
		try {
			this.delegate.save(authorization);
			Instant expiry = lastExpiry(authorization);
			if (expiry != null) {
				this.expiries.put(authorization.getId(), expiry);
			}
			else {
				this.expiries.remove(authorization.getId());
			}
			sweep();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.lock.lock();
		try {
			this.delegate.remove(authorization);
			this.expiries.remove(authorization.getId());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		this.lock.lock();
		try {
			return this.delegate.findById(id);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		this.lock.lock();
		try {
			return this.delegate.findByToken(token, tokenType);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * @return how many completed authorizations are kept (the unfinished ones not
	 * counted)
	 */
	int completed() {
		this.lock.lock();
		try {
			return this.expiries.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void sweep() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextSweep)) {
			return;
		}
		this.nextSweep = now.plus(SWEEP_INTERVAL);
		for (Iterator<Map.Entry<String, Instant>> it = this.expiries.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Instant> entry = it.next();
			if (!entry.getValue().isAfter(now)) {
				OAuth2Authorization expired = this.delegate.findById(entry.getKey());
				if (expired != null) {
					this.delegate.remove(expired);
				}
				it.remove();
			}
		}
	}

	/**
	 * @return when the last of the authorization's tokens expires; {@code null} while it
	 * has none, or when one of them never expires
	 */
	static @Nullable Instant lastExpiry(OAuth2Authorization authorization) {
		Instant last = null;
		boolean any = false;
		for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
			OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
			if (token == null) {
				continue;
			}
			any = true;
			Instant expiresAt = token.getToken().getExpiresAt();
			if (expiresAt == null) {
				return null;
			}
			if (last == null || expiresAt.isAfter(last)) {
				last = expiresAt;
			}
		}
		return any ? last : null;
	}

}
