package io.orderflow.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.orderflow.schemas.Topics;
import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.SchemaRegistryServer;
import io.orderflow.testsupport.TestConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga across all four services, run as processes from their runnable jars against
 * one real broker, registry and PostgreSQL: every order reaches the terminal state its
 * scenario calls for, and stock and balances add up exactly.
 */
class SagaEndToEndTest {

	private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");

	private static final long RICH_BALANCE = 10_000_000;

	private static final long POOR_BALANCE = 100;

	private static Suite suite;

	@BeforeAll
	static void startSuite() {
		suite = Suite.start("saga_e2e");
		putProduct("E2E-A", 1000, 1000);
		putProduct("E2E-B", 250, 1000);
		putProduct("E2E-SCARCE", 500, 0);
		putAccount("rich", RICH_BALANCE);
		putAccount("poor", POOR_BALANCE);
	}

	@AfterAll
	static void stopSuite() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void twoHundredOrdersWithMixedOutcomesEachReachTheirTerminalStateAndTheBooksBalance() throws Exception {
		List<Scenario> scenarios = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			scenarios.add(Scenario.values()[i % Scenario.values().length]);
		}
		long started = System.nanoTime();
		Map<String, Scenario> orders = placeConcurrently(scenarios);
		Map<String, String> finalStatus = new ConcurrentHashMap<>();
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String id : orders.keySet()) {
				if (!finalStatus.containsKey(id)) {
					String status = Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString();
					if (TERMINAL.contains(status)) {
						finalStatus.put(id, status);
					}
				}
			}
			assertThat(finalStatus).hasSameSizeAs(orders);
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("[e2e] %d orders reached a terminal state in %.1f s (%.1f orders/s)%n", orders.size(),
				seconds, orders.size() / seconds);

		orders.forEach((id, scenario) -> assertThat(finalStatus.get(id)).as("order %s (%s)", id, scenario)
			.isEqualTo(scenario.expectedStatus));
		Map<String, Long> byStatus = finalStatus.values()
			.stream()
			.collect(Collectors.groupingBy((status) -> status, Collectors.counting()));
		assertThat(byStatus)
			.containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 50L, "REJECTED", 50L, "CANCELLED", 100L));

		// books: only confirmed orders consumed stock and money; every other reservation
		// was released
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertStock("E2E-A", 1000 - 50, 0);
			assertStock("E2E-B", 1000 - 50 * 2, 0);
			assertStock("E2E-SCARCE", 0, 0);
		});
		assertThat(balance("rich")).isEqualTo(RICH_BALANCE - 50 * (1000 + 2 * 250));
		assertThat(balance("poor")).isEqualTo(POOR_BALANCE);

		String confirmed = orders.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == Scenario.IN_STOCK)
			.findFirst()
			.orElseThrow()
			.getKey();
		Api.Response order = Api.get(suite.order.url() + "/orders/" + confirmed);
		assertThat(order.body().get("total").get("amountMinor").asLong()).isEqualTo(1500);
		assertThat(order.body().get("timeline").size()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aPlacedOrderIsPublishedExactlyOnceAndAnIdempotentReplayPublishesNothingMore() {
		putProduct("E2E-ONCE", 100, 10);
		putAccount("once", 1_000);
		String body = "{\"customerId\":\"once\",\"lines\":[{\"sku\":\"E2E-ONCE\",\"quantity\":1}]}";

		Api.Response first = Api.post(suite.order.url() + "/orders", body, "e2e-once-key");
		Api.Response replay = Api.post(suite.order.url() + "/orders", body, "e2e-once-key");

		assertThat(first.status()).isEqualTo(201);
		String id = first.body().get("id").asString();
		assertThat(replay.body().get("id").asString()).isEqualTo(id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isEqualTo("CONFIRMED"));
		List<io.orderflow.schemas.avro.OrderPlaced> published = TestConsumer
			.read(io.orderflow.schemas.Topics.ORDER_PLACED, id);
		assertThat(published).singleElement().satisfies((event) -> {
			assertThat(event.getCustomerId()).isEqualTo("once");
			assertThat(event.getOrderId().toString()).isEqualTo(id);
		});
	}

	@Test
	void aRelayKilledMidStreamLosesNothing() throws Exception {
		putProduct("E2E-KILL", 10, 10_000);
		putAccount("steady", 1_000_000);
		String body = "{\"customerId\":\"steady\",\"lines\":[{\"sku\":\"E2E-KILL\",\"quantity\":1}]}";
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			if (i == 20) {
				suite.relay.kill();
			}
			Api.Response response = Api.post(suite.order.url() + "/orders", body, null);
			assertThat(response.status()).isEqualTo(201);
			ids.add(response.body().get("id").asString());
		}
		suite.relay.start().awaitReady(Duration.ofSeconds(120));

		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String id : ids) {
				assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString()).as(id)
					.isEqualTo("CONFIRMED");
			}
		});
		assertThat(balance("steady")).isEqualTo(1_000_000 - 60 * 10);
	}

	/**
	 * The Python client example ({@code examples/python}) against the real broker and
	 * registry: it decodes a record of every saga topic through the registry's Confluent
	 * API and follows each order to the end its events tell (confirmed, rejected for
	 * stock, cancelled for a failed payment with its stock released).
	 */
	@Test
	void thePythonExampleFollowsOrdersThroughEverySagaTopic() throws Exception {
		String python = MachineTools.python("confluent_kafka", "avro");
		putProduct("E2E-PY", 700, 10);
		putProduct("E2E-PY-NONE", 100, 0);
		// customers of its own: the other tests' books stay as they expect them
		String rich = AuthorizationServer.newCustomer();
		String poor = AuthorizationServer.newCustomer();
		putAccount(rich, 1_000_000);
		putAccount(poor, 100);
		Map<String, String> expected = new LinkedHashMap<>();
		String confirmed = placeOrder(rich, "E2E-PY");
		String cancelled = placeOrder(poor, "E2E-PY");
		expected.put(confirmed, "CONFIRMED");
		expected.put(placeOrder(rich, "E2E-PY-NONE"), "REJECTED");
		expected.put(cancelled, "CANCELLED");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			expected.forEach((id,
					status) -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.as(id)
						.isEqualTo(status));
			// the cancelled order's reservation is released (StockReleased)
			assertStock("E2E-PY", 9, 0);
		});

		List<String> command = new ArrayList<>(List.of(python, "examples/python/follow_orders.py",
				"--bootstrap-servers", KafkaBroker.bootstrapServers(), "--registry-url", SchemaRegistryServer.baseUrl(),
				"--from-beginning", "--idle-timeout", "5", "--json"));
		expected.keySet().forEach((id) -> command.addAll(List.of("--order", id)));
		Command.Result run = Command.run(ScriptStack.ROOT, Map.of(), Duration.ofMinutes(2),
				command.toArray(String[]::new));

		System.out.println(run.output());
		assertThat(run.exitCode()).as(run.output()).isZero();
		Set<String> topics = new HashSet<>();
		Map<String, JsonNode> lastState = new HashMap<>();
		Map<String, List<String>> events = new HashMap<>();
		for (String line : run.output().split("\\R")) {
			if (line.startsWith("{")) {
				JsonNode event = Api.JSON.readTree(line);
				String id = event.get("orderId").asString();
				assertThat(event.get("key").asString()).isEqualTo(id);
				topics.add(event.get("topic").asString());
				lastState.put(id, event.get("state"));
				events.computeIfAbsent(id, (key) -> new ArrayList<>()).add(event.get("event").asString());
			}
		}
		assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
		assertThat(lastState).containsOnlyKeys(expected.keySet());
		expected
			.forEach((id, status) -> assertThat(lastState.get(id).get("status").asString()).as(id).isEqualTo(status));
		assertThat(events.get(confirmed)).containsExactlyInAnyOrder("OrderPlaced", "StockReserved", "PaymentCompleted",
				"OrderConfirmed");
		assertThat(lastState.get(confirmed).get("total").get("amountMinor").asLong()).isEqualTo(700);
		assertThat(events.get(cancelled)).containsExactlyInAnyOrder("OrderPlaced", "StockReserved", "PaymentFailed",
				"StockReleased", "OrderCancelled");
		assertThat(run.output()).contains("11 event(s) of 3 order(s)");
	}

	private static String placeOrder(String customer, String sku) {
		Api.Response response = Api.post(suite.order.url() + "/orders", """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":1}]}""".formatted(customer, sku), null);
		assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
		return response.body().get("id").asString();
	}

	private static Map<String, Scenario> placeConcurrently(List<Scenario> scenarios) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Map.Entry<String, Scenario>>> futures = new ArrayList<>();
			for (Scenario scenario : scenarios) {
				futures.add(pool.submit(() -> {
					Api.Response response = Api.post(suite.order.url() + "/orders", scenario.body, null);
					assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
					return Map.entry(response.body().get("id").asString(), scenario);
				}));
			}
			Map<String, Scenario> orders = new ConcurrentHashMap<>();
			for (Future<Map.Entry<String, Scenario>> future : futures) {
				Map.Entry<String, Scenario> entry = future.get();
				orders.put(entry.getKey(), entry.getValue());
			}
			return orders;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static void putProduct(String sku, long priceMinor, int available) {
		Api.Response response = Api.put(suite.inventory.url() + "/products/" + sku, """
				{"name":"%s","unitPriceMinor":%d,"currency":"EUR","available":%d}""".formatted(sku, priceMinor,
				available));
		assertThat(response.status()).as(response.raw().body()).isIn(200, 201);
	}

	static void putAccount(String customer, long balanceMinor) {
		Api.Response response = Api.put(suite.payment.url() + "/accounts/" + customer, """
				{"balanceMinor":%d,"currency":"EUR"}""".formatted(balanceMinor));
		assertThat(response.status()).as(response.raw().body()).isIn(200, 201);
	}

	private static void assertStock(String sku, int available, int reserved) {
		Api.Response product = Api.get(suite.inventory.url() + "/products/" + sku);
		assertThat(product.body().get("available").asInt()).as("%s available", sku).isEqualTo(available);
		assertThat(product.body().get("reserved").asInt()).as("%s reserved", sku).isEqualTo(reserved);
	}

	private static long balance(String customer) {
		return Api.get(suite.payment.url() + "/accounts/" + customer).body().get("balance").get("amountMinor").asLong();
	}

	enum Scenario {

		IN_STOCK("CONFIRMED", "rich", "{\"sku\":\"E2E-A\",\"quantity\":1},{\"sku\":\"E2E-B\",\"quantity\":2}"),

		OUT_OF_STOCK("REJECTED", "rich", "{\"sku\":\"E2E-A\",\"quantity\":1},{\"sku\":\"E2E-SCARCE\",\"quantity\":1}"),

		INSUFFICIENT_FUNDS("CANCELLED", "poor", "{\"sku\":\"E2E-A\",\"quantity\":1}"),

		UNKNOWN_CUSTOMER("CANCELLED", "ghost", "{\"sku\":\"E2E-B\",\"quantity\":1}");

		final String expectedStatus;

		final String body;

		Scenario(String expectedStatus, String customer, String lines) {
			this.expectedStatus = expectedStatus;
			this.body = "{\"customerId\":\"" + customer + "\",\"lines\":[" + lines + "]}";
		}

	}

}
