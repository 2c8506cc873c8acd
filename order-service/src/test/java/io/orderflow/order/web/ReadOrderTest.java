package io.orderflow.order.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /orders/{id}} and {@code GET /orders?customerId=}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ReadOrderTest {

	@LocalServerPort
	int port;

	OrderApi api;

	@BeforeEach
	void setUp() {
		this.api = new OrderApi(this.port);
	}

	@Test
	void readsAnOrderWithItsLinesAndTimeline() {
		OrderJson request = OrderJson.anOrder().line("SKU-1", 2).line("SKU-2", 1);
		String id = this.api.post(request).json().get("id").asString();

		OrderApi.Response response = this.api.get("/orders/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode order = response.json();
		assertThat(order.get("id").asString()).isEqualTo(id);
		assertThat(order.get("customerId").asString()).isEqualTo(request.customerId());
		assertThat(order.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.has("total")).isTrue();
		assertThat(order.get("total").isNull()).isTrue();
		assertThat(order.get("lines").toString())
			.isEqualTo("[{\"sku\":\"SKU-1\",\"quantity\":2},{\"sku\":\"SKU-2\",\"quantity\":1}]");
		assertThat(Instant.parse(order.get("createdAt").asString())).isNotNull();
		assertThat(order.get("timeline")).singleElement()
			.satisfies((step) -> assertThat(step.get("step").asString()).isEqualTo("ORDER_PLACED"));
	}

	@Test
	void unknownOrderIsNotFound() {
		OrderApi.Response response = this.api.get("/orders/" + UUID.randomUUID());

		assertNotFoundProblem(response);
	}

	@Test
	void idThatIsNotAUuidIsNotFound() {
		assertNotFoundProblem(this.api.get("/orders/not-a-uuid"));
		assertNotFoundProblem(this.api.get("/orders/1-2-3-4-5"));
	}

	@Test
	void listsACustomersOrdersNewestFirstInPages() {
		String customer = AuthorizationServer.newCustomer();
		List<String> placed = List.of(place(customer), place(customer), place(customer));
		place(AuthorizationServer.newCustomer());

		JsonNode first = this.api.get("/orders?customerId=" + customer + "&size=2").json();
		JsonNode second = this.api.get("/orders?customerId=" + customer + "&size=2&page=1").json();

		assertThat(ids(first)).containsExactly(placed.get(2), placed.get(1));
		assertThat(ids(second)).containsExactly(placed.get(0));
		assertThat(first.get("page").toString())
			.isEqualTo("{\"size\":2,\"number\":0,\"totalElements\":3,\"totalPages\":2}");
		assertThat(first.get("content").get(0).get("customerId").asString()).isEqualTo(customer);
	}

	@Test
	void pagesHoldTwentyOrdersUnlessToldOtherwise() {
		String customer = AuthorizationServer.newCustomer();
		place(customer);

		JsonNode page = this.api.get("/orders?customerId=" + customer).json();

		assertThat(page.get("page").get("size").asInt()).isEqualTo(20);
		assertThat(page.get("page").get("number").asInt()).isZero();
		assertThat(page.get("content")).hasSize(1);
	}

	@Test
	void customerWithoutOrdersHasAnEmptyList() {
		OrderApi.Response response = this.api.get("/orders?customerId=nobody-" + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("content")).isEmpty();
		assertThat(response.json().get("page").get("totalElements").asLong()).isZero();
	}

	private String place(String customer) {
		return this.api.post(OrderJson.anOrder().customerId(customer)).json().get("id").asString();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("content").valueStream().map((order) -> order.get("id").asString()).toList();
	}

	private static void assertNotFoundProblem(OrderApi.Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://orderflow.io/problems/order-not-found");
		assertThat(response.json().get("status").asInt()).isEqualTo(404);
	}

	/** Every order is placed one second after the previous: "newest" is unambiguous. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TickingClock {

		@Bean
		@Primary
		Clock tickingClock() {
			AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
			return new Clock() {
				@Override
				public Instant instant() {
					return now.getAndUpdate((instant) -> instant.plus(Duration.ofSeconds(1)));
				}

				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					throw new UnsupportedOperationException();
				}
			};
		}

	}

}
