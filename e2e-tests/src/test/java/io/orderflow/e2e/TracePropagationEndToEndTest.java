package io.orderflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.orderflow.e2e.OtlpTraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of a {@code POST /orders} continues through the outbox row, the relay and
 * every consumer. The four services run with the OpenTelemetry Java agent exporting over
 * OTLP (to {@link OtlpTraceReceiver}); for every hop of the saga the relay's
 * {@code publish} span is a child of a span of the service that wrote the outbox row (the
 * stored {@code traceparent}), and the consumer's {@code process} span is a child of that
 * {@code publish} span, all in the trace the client started. The consumers' log lines
 * carry the trace id as well.
 */
class TracePropagationEndToEndTest {

	private static OtlpTraceReceiver receiver;

	private static Suite suite;

	@BeforeAll
	static void start() {
		receiver = new OtlpTraceReceiver();
		suite = Suite.start("trace_e2e", receiver.endpoint());
		Api.put(suite.inventory.url() + "/products/TRACE-1",
				"{\"name\":\"trace\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":10}");
		Api.put(suite.payment.url() + "/accounts/tracer", "{\"balanceMinor\":10000,\"currency\":\"EUR\"}");
	}

	@AfterAll
	static void stop() {
		if (suite != null) {
			suite.close();
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void everyHopOfTheSagaIsAChildSpanInTheRequestsTrace() {
		String traceId = randomHex(16);
		String id = place("TRACE-1", traceId);
		awaitStatus(id, "CONFIRMED");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ReceivedSpan> trace = receiver.trace(traceId);
			assertThat(trace).anyMatch((span) -> span.service().equals("order-service")
					&& span.kind() == SpanKind.SPAN_KIND_SERVER && span.name().equals("POST /orders"));
			hop(trace, "orders.order-placed.v1", "order-service", "inventory-service");
			hop(trace, "inventory.stock-reserved.v1", "inventory-service", "payment-service");
			hop(trace, "inventory.stock-reserved.v1", "inventory-service", "order-service");
			hop(trace, "payments.payment-completed.v1", "payment-service", "order-service");
			hop(trace, "orders.order-confirmed.v1", "order-service", "inventory-service");
		});
	}

	@Test
	void consumersLogLinesNameTheRequestsTrace() {
		String traceId = randomHex(16);
		// inventory does not know the SKU: it rejects the order and logs why, inside its
		// consumer span
		String id = place("TRACE-UNKNOWN", traceId);
		awaitStatus(id, "REJECTED");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Files.readAllLines(Path.of("target", "e2e-logs", "inventory-service.log")))
				.filteredOn((line) -> line.contains("Order " + id + " rejected"))
				.singleElement()
				.asString()
				.contains("[" + traceId + ","));
	}

	/**
	 * The relay published the topic's record in a span whose parent is a span of the
	 * producing service, and the consumer processed it in a child of that span.
	 */
	private static void hop(List<ReceivedSpan> trace, String topic, String producer, String consumer) {
		Set<String> producerSpans = trace.stream()
			.filter((span) -> span.service().equals(producer))
			.map(ReceivedSpan::spanId)
			.collect(Collectors.toSet());
		ReceivedSpan publish = trace.stream()
			.filter((span) -> span.service().equals("outbox-relay") && span.kind() == SpanKind.SPAN_KIND_PRODUCER
					&& span.name().equals(topic + " publish"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no publish span of " + topic + " in " + names(trace)));
		assertThat(producerSpans).as("the parent of the publish span of %s is a span of %s", topic, producer)
			.contains(publish.parentSpanId());
		assertThat(trace).as("%s processed %s in a child of the publish span", consumer, topic)
			.anyMatch((span) -> span.service().equals(consumer) && span.kind() == SpanKind.SPAN_KIND_CONSUMER
					&& span.name().equals(topic + " process") && span.parentSpanId().equals(publish.spanId()));
	}

	private static String place(String sku, String traceId) {
		String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";
		Api.Response placed = Api.post(suite.order.url() + "/orders",
				"{\"customerId\":\"tracer\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", null, traceparent);
		assertThat(placed.status()).isEqualTo(201);
		return placed.body().get("id").asString();
	}

	private static void awaitStatus(String id, String status) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isEqualTo(status));
	}

	private static List<String> names(List<ReceivedSpan> trace) {
		return trace.stream().map((span) -> span.service() + ": " + span.name()).toList();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		random[0] |= 1; // never all zero
		return HexFormat.of().formatHex(random);
	}

}
