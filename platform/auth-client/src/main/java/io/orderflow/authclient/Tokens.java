package io.orderflow.authclient;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens of a {@link TokenClient}, kept per client and subject (the user, or the
 * client itself for client credentials) and scopes, and fetched again when the kept one
 * expires within {@link #MIN_REMAINING}. Thread-safe, for many threads: a token that is
 * still good is returned without locking; of the threads that need a new token for one
 * client and subject, one fetches it (at most one login per subject at a time) and the
 * others wait for it.
 */
public final class Tokens {

	/**
	 * A token expiring sooner than this is not handed out: the request it goes with must
	 * still reach the service in time.
	 */
	public static final Duration MIN_REMAINING = Duration.ofSeconds(60);

	private final TokenClient client;

	private final Clock clock;

	private final Map<Subject, Slot> slots = new ConcurrentHashMap<>();

	/**
	 * @param client fetches the tokens
	 */
	public Tokens(TokenClient client) {
		this(client, Clock.systemUTC());
	}

	Tokens(TokenClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	/**
	 * @param clientId a confidential client
	 * @param secret its secret
	 * @param scopes the scopes
	 * @return a token of the client itself with these scopes, valid for at least
	 * {@link #MIN_REMAINING}
	 * @throws TokenException as {@link TokenClient#clientCredentials}
	 */
	public String clientCredentials(String clientId, String secret, String... scopes) {
		return token(clientId, clientId, scopes, () -> this.client.fetchClientCredentials(clientId, secret, scopes));
	}

	/**
	 * @param clientId a public client that requires no consent
	 * @param redirectUri one of its redirect URIs
	 * @param username the user
	 * @param password the user's password
	 * @param scopes the scopes, at least one
	 * @return a token of the user with these scopes, valid for at least
	 * {@link #MIN_REMAINING}
	 * @throws TokenException as {@link TokenClient#userToken}
	 */
	public String userToken(String clientId, String redirectUri, String username, String password, String... scopes) {
		return token(clientId, username, scopes,
				() -> this.client.fetchUserToken(clientId, redirectUri, username, password, scopes));
	}

	/**
	 * Forgets the tokens of a subject, e.g. after a service refused one.
	 * @param clientId the client
	 * @param subject the user, or the client for client credentials
	 */
	public void forget(String clientId, String subject) {
		this.slots.remove(new Subject(clientId, subject));
	}

	String token(String clientId, String subject, String[] scopes, Supplier<AccessToken> fetch) {
		List<String> scopeSet = Arrays.stream(scopes).sorted().distinct().toList();
		Slot slot = this.slots.computeIfAbsent(new Subject(clientId, subject), (key) -> new Slot());
		AccessToken kept = slot.tokens.get(scopeSet);
		if (fresh(kept)) {
			return kept.value();
		}
		slot.lock.lock();
		try {
			kept = slot.tokens.get(scopeSet);
			if (!fresh(kept)) {
				kept = fetch.get();
				slot.tokens.put(scopeSet, kept);
			}
			return kept.value();
		}
		finally {
			slot.lock.unlock();
		}
	}

	private boolean fresh(@Nullable AccessToken token) {
		return token != null && token.expiresAt().minus(MIN_REMAINING).isAfter(this.clock.instant());
	}

	private record Subject(String clientId, String subject) {
	}

	/**
	 * One subject's tokens (by scopes) and the lock its fetches hold.
	 */
	private static final class Slot {

		// a ReentrantLock, not synchronized: a virtual thread waiting for a login does
		// not
		// pin its carrier
		private final ReentrantLock lock = new ReentrantLock();

		private final Map<List<String>, AccessToken> tokens = new ConcurrentHashMap<>();

	}

}
