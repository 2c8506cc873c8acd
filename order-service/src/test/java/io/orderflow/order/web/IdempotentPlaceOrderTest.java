package io.orderflow.order.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.orderflow.order.OrderService;
import io.orderflow.order.PlaceOrders;
import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /orders} with an {@code Idempotency-Key}: a retried request places nothing
 * new, whether it comes after the first or races it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IdempotentPlaceOrderTest extends OrderApiTestSupport {

	@Autowired
	OrderService orderService;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void retriedRequestReturnsTheSameOrderAndAppendsNoSecondEvent() {
		OrderJson request = OrderJson.anOrder().line("SKU-1", 2).line("SKU-2", 3);
		String key = newKey();

		OrderApi.Response first = this.api.post(request, key);
		OrderApi.Response retry = this.api.post(request, key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(this.stored.ordersOf(request.customerId())).isOne();
		assertThat(this.stored.outboxOf(first.json().get("id").asString())).hasSize(1);
	}

	@Test
	void retryListingTheSameLinesInAnotherOrderIsTheSameRequest() {
		String customer = AuthorizationServer.newCustomer();
		String key = newKey();

		String first = id(this.api.post(OrderJson.anOrder().customerId(customer).line("A", 1).line("B", 2), key));
		String retry = id(this.api.post(OrderJson.anOrder().customerId(customer).line("B", 2).line("A", 1), key));

		assertThat(retry).isEqualTo(first);
		assertThat(this.stored.ordersOf(customer)).isOne();
	}

	@Test
	void sameKeyWithADifferentRequestIsRejected() {
		String customer = AuthorizationServer.newCustomer();
		String key = newKey();
		this.api.post(OrderJson.anOrder().customerId(customer).line("SKU-1", 2), key);

		OrderApi.Response reuse = this.api.post(OrderJson.anOrder().customerId(customer).line("SKU-1", 3), key);

		assertThat(reuse.status()).as(reuse.toString()).isEqualTo(422);
		assertThat(reuse.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = reuse.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://orderflow.io/problems/idempotency-key-reuse");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(this.stored.ordersOf(customer)).isOne();
	}

	@Test
	void requestsWithoutKeyPlaceAnOrderEach() {
		OrderJson request = OrderJson.anOrder();

		String first = id(this.api.post(request));
		String second = id(this.api.post(request));

		assertThat(second).isNotEqualTo(first);
		assertThat(this.stored.ordersOf(request.customerId())).isEqualTo(2);
	}

	@Test
	void concurrentIdenticalRequestsWithOneKeyPlaceOneOrder() {
		OrderJson request = OrderJson.anOrder();
		String key = newKey();

		List<OrderApi.Response> responses = IntStream.range(0, 8)
			.mapToObj((i) -> this.api.postAsync(request, key))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
		assertThat(responses).extracting(IdempotentPlaceOrderTest::id).containsOnly(id(responses.get(0)));
		assertThat(responses).filteredOn((response) -> response.header("Idempotent-Replayed") == null).hasSize(1);
		assertThat(this.stored.ordersOf(request.customerId())).isOne();
		assertThat(this.stored.outboxOf(id(responses.get(0)))).hasSize(1);
	}

	@Test
	void requestWaitingForAnUncommittedOrderWithItsKeyReturnsThatOrderOnceCommitted() {
		String customer = AuthorizationServer.newCustomer();
		String key = newKey();
		AtomicReference<CompletableFuture<OrderApi.Response>> loser = new AtomicReference<>();

		// the first placement holds its transaction open until the second request waits
		// on the key's unique index
		String winner = new TransactionTemplate(this.transactionManager).execute((status) -> {
			String id = this.orderService
				.place(PlaceOrders.anOrder().customerId(customer).line("SKU-1", 2).idempotencyKey(key).build())
				.order()
				.id()
				.toString();
			loser.set(this.api.postAsync(OrderJson.anOrder().customerId(customer).line("SKU-1", 2), key));
			await().atMost(Duration.ofSeconds(20)).until(this::sessionsWaitingForALock, (waiting) -> waiting > 0);
			return id;
		});

		OrderApi.Response response = loser.get().join();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(id(response)).isEqualTo(winner);
		assertThat(response.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.stored.ordersOf(customer)).isOne();
		assertThat(this.stored.outboxOf(winner)).hasSize(1);
	}

	private long sessionsWaitingForALock() {
		return this.jdbc.sql(
				"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
			.query(Long.class)
			.single();
	}

	private static String newKey() {
		return "key-" + UUID.randomUUID();
	}

	private static String id(OrderApi.Response response) {
		return response.json().get("id").asString();
	}

}
