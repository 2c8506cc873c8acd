package io.orderflow.authclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TokensTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final Tokens tokens = new Tokens(new TokenClient("http://127.0.0.1:1"), this.clock);

	private final AtomicInteger fetches = new AtomicInteger();

	@Test
	void keepsATokenUntilItExpiresWithinAMinute() {
		assertThat(token("alice")).isEqualTo("token-1");
		this.clock.advance(Duration.ofMinutes(28));
		assertThat(token("alice")).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(token("alice")).isEqualTo("token-2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void keepsATokenPerClientSubjectAndScopes() {
		assertThat(token("alice")).isEqualTo("token-1");
		assertThat(token("bob")).isEqualTo("token-2");
		assertThat(this.tokens.token("other-client", "alice", new String[] { "orders" }, this::fetch))
			.isEqualTo("token-3");
		assertThat(this.tokens.token("orderflow-cli", "alice", new String[] { "orders", "ops" }, this::fetch))
			.isEqualTo("token-4");
		assertThat(this.tokens.token("orderflow-cli", "alice", new String[] { "ops", "orders" }, this::fetch))
			.isEqualTo("token-4");
		assertThat(token("alice")).isEqualTo("token-1");
	}

	@Test
	void forgottenTokenIsFetchedAgain() {
		token("alice");
		this.tokens.forget("orderflow-cli", "alice");
		assertThat(token("alice")).isEqualTo("token-2");
	}

	@Test
	void aSecondThreadWaitsForTheLoginUnderWayInsteadOfLoggingInAgain() throws Exception {
		CountDownLatch loginStarted = new CountDownLatch(1);
		CountDownLatch finishLogin = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> token("alice", () -> {
			loginStarted.countDown();
			awaitLatch(finishLogin);
			return fetch();
		}));
		assertThat(loginStarted.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> secondToken = new CompletableFuture<>();
		Thread second = new Thread(() -> secondToken.complete(token("alice")));
		second.start();
		// the second thread is parked on the subject's lock while the first logs in
		await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.WAITING);
		finishLogin.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
		assertThat(secondToken.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void anotherSubjectDoesNotWaitForALoginUnderWay() throws Exception {
		CountDownLatch loginStarted = new CountDownLatch(1);
		CountDownLatch finishLogin = new CountDownLatch(1);
		CompletableFuture<String> alice = CompletableFuture.supplyAsync(() -> token("alice", () -> {
			loginStarted.countDown();
			awaitLatch(finishLogin);
			return fetch();
		}));
		assertThat(loginStarted.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(CompletableFuture.supplyAsync(() -> token("bob")).get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
		finishLogin.countDown();
		assertThat(alice.get(10, TimeUnit.SECONDS)).isEqualTo("token-2");
	}

	private String token(String user) {
		return token(user, this::fetch);
	}

	private String token(String user, Supplier<AccessToken> fetch) {
		return this.tokens.token("orderflow-cli", user, new String[] { "orders" }, fetch);
	}

	private AccessToken fetch() {
		return new AccessToken("token-" + this.fetches.incrementAndGet(),
				this.clock.instant().plus(Duration.ofMinutes(30)));
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
