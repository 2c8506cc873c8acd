package io.orderflow.auth.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringAuthorizationServiceTest {

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private static final RegisteredClient CLIENT = RegisteredClient.withId("cli")
		.clientId("cli")
		.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://127.0.0.1/authorized")
		.build();

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));

	private final ExpiringAuthorizationService service = new ExpiringAuthorizationService(this.now::get);

	@Test
	void authorizationsStartedAndLookedUpOnManyThreadsAtOnceAreAllFound() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> threads = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				threads.add(pool.submit(() -> {
					int found = 0;
					for (int i = 0; i < 5_000; i++) {
						String state = thread + "-" + i;
						this.service.save(started("id-" + state, state));
						if (this.service.findByToken(state, STATE) != null) {
							found++;
						}
						// another thread's, most likely pushed out of the 100 kept by now
						this.service.findByToken(((thread + 1) % 8) + "-" + i, STATE);
					}
					return found;
				}));
			}
			for (Future<Integer> thread : threads) {
				// an authorization just started is found, at least until 100 others
				// started after it
				assertThat(thread.get()).isPositive();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aCompletedAuthorizationIsForgottenOnceItsLastTokenExpired() {
		OAuth2Authorization first = completed("first", Duration.ofMinutes(5), Duration.ofMinutes(30));
		this.service.save(first);
		this.now.set(this.now.get().plus(Duration.ofMinutes(29)));
		this.service.save(completed("second", Duration.ofMinutes(1), Duration.ofMinutes(30)));

		assertThat(this.service.findById("first")).as("its access token still good").isNotNull();
		assertThat(this.service.findByToken("access-first", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

		this.now.set(this.now.get().plus(Duration.ofMinutes(2)));
		this.service.save(completed("third", Duration.ofMinutes(1), Duration.ofMinutes(30)));

		assertThat(this.service.findById("first")).isNull();
		assertThat(this.service.findByToken("access-first", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(this.service.findById("second")).isNotNull();
		assertThat(this.service.completed()).isEqualTo(2);
	}

	@Test
	void theSweepRunsAtMostOncePerInterval() {
		this.service.save(completed("first", Duration.ofMinutes(1), Duration.ofMinutes(2)));
		this.now.set(this.now.get().plus(Duration.ofMinutes(3)));
		this.service.save(completed("second", Duration.ofMinutes(1), Duration.ofMinutes(2)));
		assertThat(this.service.findById("first")).as("swept at the first save after a minute").isNull();

		this.now.set(this.now.get().plus(Duration.ofMinutes(3)));
		this.service.save(completed("third", Duration.ofMinutes(1), Duration.ofMinutes(2)));
		assertThat(this.service.findById("second")).as("expired, the last sweep 3 minutes ago").isNull();

		this.now.set(this.now.get().plus(Duration.ofMinutes(3)));
		this.service.remove(this.service.findById("third"));
		assertThat(this.service.completed()).isZero();
	}

	@Test
	void anAuthorizationWithoutTokensHasNoExpiry() {
		assertThat(ExpiringAuthorizationService.lastExpiry(started("a", "s"))).isNull();
		assertThat(
				ExpiringAuthorizationService.lastExpiry(completed("b", Duration.ofMinutes(5), Duration.ofMinutes(30))))
			.isEqualTo(this.now.get().plus(Duration.ofMinutes(30)));
	}

	private static OAuth2Authorization started(String id, String state) {
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id(id)
			.principalName("alice")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.attribute(OAuth2ParameterNames.STATE, state)
			.build();
	}

	private OAuth2Authorization completed(String id, Duration codeLife, Duration accessLife) {
		Instant issued = this.now.get();
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id(id)
			.principalName("alice")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.token(new OAuth2AuthorizationCode("code-" + id, issued, issued.plus(codeLife)))
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + id, issued,
					issued.plus(accessLife)))
			.build();
	}

}
