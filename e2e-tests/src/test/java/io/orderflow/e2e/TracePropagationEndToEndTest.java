package io.orderflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of a {@code POST /orders} continues through the outbox row, the relay and
 * every consumer: with the OpenTelemetry agent attached (spans logged), the trace id the
 * client sent appears in the spans of all four services, including the consumer spans of
 * inventory, payment and order-service, and in the consumers' log lines.
 */
class TracePropagationEndToEndTest {

	private static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.start("trace_e2e", true);
		Api.put(suite.inventory.url() + "/products/TRACE-1",
				"{\"name\":\"trace\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":10}");
		Api.put(suite.payment.url() + "/accounts/tracer", "{\"balanceMinor\":10000,\"currency\":\"EUR\"}");
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void theRequestsTraceIdReachesTheRelayAndEveryConsumer() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		Api.Response placed = Api.post(suite.order.url() + "/orders",
				"{\"customerId\":\"tracer\",\"lines\":[{\"sku\":\"TRACE-1\",\"quantity\":1}]}", null, traceparent);
		assertThat(placed.status()).isEqualTo(201);
		String id = placed.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isEqualTo("CONFIRMED"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(spansOf("order-service", traceId)).anyMatch((line) -> line.contains("SERVER"))
				.anyMatch((line) -> line.contains("CONSUMER"));
			assertThat(spansOf("outbox-relay", traceId)).anyMatch((line) -> line.contains("PRODUCER"));
			assertThat(spansOf("inventory-service", traceId)).anyMatch((line) -> line.contains("CONSUMER"));
			assertThat(spansOf("payment-service", traceId)).anyMatch((line) -> line.contains("CONSUMER"));
		});
	}

	@Test
	void consumersLogLinesNameTheRequestsTrace() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		// inventory does not know the SKU: it rejects the order and logs why, inside its
		// consumer span
		Api.Response placed = Api.post(suite.order.url() + "/orders",
				"{\"customerId\":\"tracer\",\"lines\":[{\"sku\":\"TRACE-UNKNOWN\",\"quantity\":1}]}", null,
				traceparent);
		assertThat(placed.status()).isEqualTo(201);
		String id = placed.body().get("id").asString();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isEqualTo("REJECTED"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Files.readAllLines(Path.of("target", "e2e-logs", "inventory-service.log")))
				.filteredOn((line) -> line.contains("Order " + id + " rejected"))
				.singleElement()
				.asString()
				.contains("[" + traceId + ","));
	}

	private static java.util.List<String> spansOf(String module, String traceId) throws java.io.IOException {
		Path log = Path.of("target", "e2e-logs", module + ".log");
		return Files.readAllLines(log)
			.stream()
			.filter((line) -> line.contains("LoggingSpanExporter") && line.contains(traceId))
			.toList();
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1; // never all zero
		return bytes;
	}

}
