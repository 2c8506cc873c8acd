package io.orderflow.order.web;

import java.util.ArrayList;
import java.util.List;

import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-customer rate limit of {@code POST /orders} (here 3 at once, then 1 a second):
 * a customer over it is answered 429 with {@code Retry-After} and nothing is placed;
 * another customer is not held up by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.orders.rate-limit.burst=3", "orderflow.orders.rate-limit.orders-per-second=1" })
@RealInfrastructure
class OrderRateLimitApiTest extends OrderApiTestSupport {

	private static final String ORDER = "{\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";

	@Test
	void aCustomerOverTheLimitIsAskedToRetryLaterAndPlacesNothing() {
		String customer = AuthorizationServer.newCustomer();
		String token = AuthorizationServer.userToken(customer);

		List<OrderApi.Response> responses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			responses.add(this.api.postWithToken(ORDER, token));
		}

		List<OrderApi.Response> refused = responses.stream().filter((r) -> r.status() == 429).toList();
		long placed = responses.stream().filter((r) -> r.status() == 201).count();
		assertThat(refused).isNotEmpty();
		assertThat(placed + refused.size()).isEqualTo(10);
		assertThat(this.stored.ordersOf(customer)).isEqualTo(placed);
		OrderApi.Response first = refused.get(0);
		assertThat(first.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(first.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/too-many-orders");
		assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(1L, 2L);

		String other = AuthorizationServer.newCustomer();
		assertThat(this.api.postWithToken(ORDER, AuthorizationServer.userToken(other)).status()).isEqualTo(201);
	}

}
