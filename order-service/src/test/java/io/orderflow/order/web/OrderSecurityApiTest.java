package io.orderflow.order.web;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order API with tokens of the real authorization server: an order is its customer's
 * (the token's subject), another customer's order does not exist for a caller (also not
 * while waiting for it to change), only {@code orders:admin} reads everyone's, and a
 * token the issuer did not sign is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OrderSecurityApiTest extends OrderApiTestSupport {

	private static final String ORDER = "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";

	@Test
	void withoutATokenNothingIsAnswered() {
		OrderApi.Response post = this.api.postWithToken(ORDER, null);
		OrderApi.Response get = this.api.getWithToken("/orders/" + java.util.UUID.randomUUID(), null);

		for (OrderApi.Response response : List.of(post, get)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(401);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	@Test
	void anOrderIsTheCallersWhateverTheBodySays() {
		String customer = AuthorizationServer.newCustomer();
		String token = AuthorizationServer.userToken(customer);

		OrderApi.Response placed = this.api.postWithToken(ORDER, token);
		OrderApi.Response forSomeoneElse = this.api
			.postWithToken("{\"customerId\":\"alice\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}", token);

		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertThat(placed.json().get("customerId").asString()).isEqualTo(customer);
		assertThat(forSomeoneElse.status()).as(forSomeoneElse.toString()).isEqualTo(403);
		assertThat(forSomeoneElse.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/forbidden");
		assertThat(this.stored.ordersOf(customer)).isOne();
		assertThat(this.stored.ordersOf("alice")).isZero();
	}

	@Test
	void anotherCustomersOrderDoesNotExistForACustomer() {
		String owner = AuthorizationServer.newCustomer();
		String other = AuthorizationServer.newCustomer();
		String id = this.api.postWithToken(ORDER, AuthorizationServer.userToken(owner)).json().get("id").asString();
		String otherToken = AuthorizationServer.userToken(other);

		OrderApi.Response read = this.api.getWithToken("/orders/" + id, otherToken);
		OrderApi.Response waitedFor = this.api.getWithToken("/orders/" + id + "?waitForOutcome=5s", otherToken);
		OrderApi.Response watched = this.api.getWithToken("/orders/" + id + "?waitForChange=5s", otherToken);
		OrderApi.Response unknown = this.api.getWithToken("/orders/" + java.util.UUID.randomUUID(), otherToken);

		for (OrderApi.Response response : List.of(read, waitedFor, watched)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(unknown.body().replace(unknownPath(unknown), "/orders/" + id));
		}
		assertThat(this.api.getWithToken("/orders/" + id, AuthorizationServer.userToken(owner)).status())
			.isEqualTo(200);
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrders() {
		String owner = AuthorizationServer.newCustomer();
		String other = AuthorizationServer.newCustomer();
		this.api.postWithToken(ORDER, AuthorizationServer.userToken(owner));
		String otherToken = AuthorizationServer.userToken(other);
		this.api.postWithToken(ORDER, otherToken);

		OrderApi.Response own = this.api.getWithToken("/orders", otherToken);
		OrderApi.Response someoneElses = this.api.getWithToken("/orders?customerId=" + owner, otherToken);

		assertThat(own.status()).isEqualTo(200);
		JsonNode content = own.json().get("content");
		assertThat(content).hasSize(1);
		assertThat(content.get(0).get("customerId").asString()).isEqualTo(other);
		assertThat(someoneElses.status()).isEqualTo(403);
	}

	@Test
	void theOrdersAdminReadsEveryOrderButPlacesNone() {
		String owner = AuthorizationServer.newCustomer();
		String id = this.api.postWithToken(ORDER, AuthorizationServer.userToken(owner)).json().get("id").asString();
		String admin = AuthorizationServer.opsToken();

		assertThat(this.api.getWithToken("/orders/" + id, admin).status()).isEqualTo(200);
		assertThat(this.api.getWithToken("/orders?customerId=" + owner, admin).json().get("content")).hasSize(1);
		assertThat(this.api.getWithToken("/orders/overdue", admin).status()).isEqualTo(200);
		assertThat(this.api.postWithToken(ORDER, admin).status()).isEqualTo(403);
	}

	@Test
	void aCustomerMayNotSeeTheOverdueOrders() {
		OrderApi.Response response = this.api.getWithToken("/orders/overdue",
				AuthorizationServer.userToken(AuthorizationServer.newCustomer()));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("WWW-Authenticate")).contains("insufficient_scope");
	}

	@Test
	void aTokenTheIssuerDidNotSignIsRefused() throws Exception {
		String customer = AuthorizationServer.newCustomer();
		RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(AuthorizationServer.issuer())
					.audience(List.of("orderflow-cli", "orderflow-api"))
					.subject(customer)
					.claim("scope", List.of("orders"))
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(600)))
					.build());
		forged.sign(new RSASSASigner(forger));

		OrderApi.Response response = this.api.postWithToken(ORDER, forged.serialize());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(this.stored.ordersOf(customer)).isZero();
	}

	private static String unknownPath(OrderApi.Response unknown) {
		return unknown.json().get("instance").asString();
	}

}
