package io.orderflow.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderflow.authclient.TokenException;
import io.orderflow.authclient.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user logs in through the command-line client headlessly, the way a browser would:
 * authorization code with PKCE through the login form.
 */
@AuthServerTest
class AuthorizationCodeFlowTest {

	@LocalServerPort
	private int port;

	private TestServer server;

	@BeforeEach
	void server() {
		this.server = TestServer.onPort(this.port);
	}

	@Test
	void aliceGetsAJwtForTheOrderflowApiWithScopeOrdersSignedByAPublishedKey() {
		Jwt jwt = this.server.verify(this.server.userToken("alice"));

		assertThat(jwt.getSubject()).isEqualTo("alice");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orders");
		assertThat(jwt.getAudience()).containsExactlyInAnyOrder("orderflow-api", "orderflow-cli");
		assertThat(jwt.getIssuer()).hasToString(TestServer.ISSUER);
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void wrongPasswordGetsNoTokenAndTheMessageDoesNotShowIt() {
		assertThatExceptionOfType(TokenException.class)
			.isThrownBy(() -> this.server.tokenClient()
				.userToken(TestServer.CLI, TestServer.CLI_REDIRECT_URI, "alice", "not-the-password", "orders"))
			.withMessageContaining("user name or password refused for user 'alice'")
			.withMessageNotContaining("not-the-password");
	}

	@Test
	void unknownUserGetsNoToken() {
		assertThatExceptionOfType(TokenException.class).isThrownBy(() -> this.server.userToken("mallory"))
			.withMessageContaining("user name or password refused for user 'mallory'");
	}

	@Test
	void theLoadUsersAreLoad1ToLoad32() {
		assertThat(this.server.verify(this.server.userToken("load-1")).getSubject()).isEqualTo("load-1");
		assertThat(this.server.verify(this.server.userToken("load-32")).getSubject()).isEqualTo("load-32");
		assertThatExceptionOfType(TokenException.class).isThrownBy(() -> this.server.userToken("load-33"))
			.withMessageContaining("refused");
	}

	@Test
	void anAuthorizationRequestWithoutPkceIsRefused() {
		URI location = URI.create(this.server
			.get("/oauth2/authorize?response_type=code&client_id=orderflow-cli&scope=orders&state=s1"
					+ "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8084%2Fauthorized")
			.headers()
			.firstValue("Location")
			.orElseThrow());

		assertThat(location.toString()).startsWith(TestServer.CLI_REDIRECT_URI)
			.contains("error=invalid_request")
			.contains("code_challenge");
	}

	@Test
	void theCodePageShowsTheCodeWithoutALogin() {
		var page = this.server.get("/authorized?code=abc-123&state=s1");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(page.body()).contains("abc-123");
	}

	@Test
	void cachedTokensLogEachUserInOnce() {
		Tokens tokens = new Tokens(this.server.tokenClient());
		String alice = tokens.userToken(TestServer.CLI, TestServer.CLI_REDIRECT_URI, "alice", TestServer.DEMO_PASSWORD,
				"orders");
		String bob = tokens.userToken(TestServer.CLI, TestServer.CLI_REDIRECT_URI, "bob", TestServer.DEMO_PASSWORD,
				"orders");

		assertThat(tokens.userToken(TestServer.CLI, TestServer.CLI_REDIRECT_URI, "alice", TestServer.DEMO_PASSWORD,
				"orders"))
			.isEqualTo(alice);
		assertThat(this.server.verify(bob).getSubject()).isEqualTo("bob");
	}

	@Test
	void manyUsersLoggingInAtOnceAllGetTheirTokens() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> logins = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				for (int user = 1; user <= 32; user++) {
					String username = "load-" + user;
					// a new session and no kept token: every one of them a whole login
					logins.add(pool.submit(() -> this.server.tokenClient()
						.userToken(TestServer.CLI, TestServer.CLI_REDIRECT_URI, username, TestServer.DEMO_PASSWORD,
								"orders")));
				}
			}
			for (Future<String> login : logins) {
				assertThat(login.get()).isNotBlank();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
