package io.orderflow.auth.client;

import java.net.URI;
import java.net.http.HttpRequest;

import io.orderflow.auth.AuthServerTest;
import io.orderflow.auth.TestServer;
import io.orderflow.authclient.TokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The operations client gets tokens of its own with its secret; nobody else does.
 */
@AuthServerTest
class ClientCredentialsTest {

	@LocalServerPort
	private int port;

	private TestServer server;

	@BeforeEach
	void server() {
		this.server = TestServer.onPort(this.port);
	}

	@Test
	void theOpsClientGetsAJwtOfItselfWithTheAdminScopes() {
		Jwt jwt = this.server.verify(this.server.tokenClient()
			.clientCredentials(TestServer.OPS, TestServer.OPS_SECRET, "orders:admin", "catalog:admin", "accounts:admin",
					"ops"));

		assertThat(jwt.getSubject()).isEqualTo("orderflow-ops");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("orders:admin", "catalog:admin",
				"accounts:admin", "ops");
		assertThat(jwt.getAudience()).containsExactlyInAnyOrder("orderflow-api", "orderflow-ops");
		assertThat(jwt.getIssuer()).hasToString(TestServer.ISSUER);
	}

	@Test
	void aWrongSecretIsRefusedWith401() {
		assertThatExceptionOfType(TokenException.class)
			.isThrownBy(() -> this.server.tokenClient().clientCredentials(TestServer.OPS, "wrong-secret", "ops"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("invalid_client")
			.withMessageNotContaining("wrong-secret");
	}

	@Test
	void aScopeTheOpsClientDoesNotHaveIsRefused() {
		assertThatExceptionOfType(TokenException.class)
			.isThrownBy(
					() -> this.server.tokenClient().clientCredentials(TestServer.OPS, TestServer.OPS_SECRET, "orders"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400))
			.withMessageContaining("invalid_scope");
	}

	@Test
	void theCommandLineClientCannotUseClientCredentials() {
		var response = TestServer.send(HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&client_id=orderflow-cli&scope=orders"))
			.build());

		// a public client authenticates only with a code verifier, which this grant has
		// not
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token");
		assertThatExceptionOfType(TokenException.class)
			.isThrownBy(() -> this.server.tokenClient().clientCredentials(TestServer.CLI, "any-secret", "orders"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("invalid_client");
	}

}
