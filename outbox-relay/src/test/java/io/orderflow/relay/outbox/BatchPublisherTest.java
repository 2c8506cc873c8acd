package io.orderflow.relay.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rows become records, and how a batch's outcome is collected.
 */
class BatchPublisherTest {

	private static final byte[] PAYLOAD = { 0, 0, 0, 0, 7, 42 };

	@Test
	void sendsThePayloadUnchangedKeyedByAggregateWithEventHeaders() {
		OutboxRow row = row(1, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		ProducerRecord<String, byte[]> record = BatchPublisher.record(row);

		assertThat(record.topic()).isEqualTo("orders.order-placed.v1");
		assertThat(record.key()).isEqualTo("order-1");
		assertThat(record.value()).isSameAs(PAYLOAD);
		assertThat(record.partition()).isNull();
		assertThat(headers(record)).containsExactly("event_id=event-1", "event_type=OrderPlaced",
				"traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

	@Test
	void sendsNoTraceparentHeaderForARowWrittenOutsideATrace() {
		assertThat(headers(BatchPublisher.record(row(1, null)))).containsExactly("event_id=event-1",
				"event_type=OrderPlaced");
	}

	@Test
	void reportsOnlyAcknowledgedRowsAndTheFirstFailure() throws InterruptedException {
		AtomicInteger firstFailureCallbacks = new AtomicInteger();
		List<OutboxRow> rows = List.of(row(1, null), row(2, null), row(3, null), row(4, null));
		Acknowledgements acks = new Acknowledgements(rows.size(), firstFailureCallbacks::incrementAndGet);
		IllegalStateException first = new IllegalStateException("first");

		acks.complete(0, null);
		acks.complete(1, first);
		acks.complete(2, new IllegalStateException("second"));
		acks.skipUnsent(3);

		assertThat(acks.await(1, TimeUnit.SECONDS)).as("every record completed").isTrue();
		PublishResult result = acks.result(rows);
		assertThat(result.ackedIds()).containsExactly(1);
		assertThat(result.ackedAtNanos()).hasSize(1);
		assertThat(result.failure()).isSameAs(first);
		assertThat(firstFailureCallbacks).hasValue(1);
	}

	@Test
	void latencyAddsTheAgeMeasuredByTheDatabaseToTheTimeElapsedSinceTheClaim() {
		OutboxRow row = new OutboxRow(1, "e", "a", "OrderPlaced", "t", PAYLOAD, null, 40_000_000, 1_000_000_000);

		assertThat(row.latencyNanos(1_025_000_000)).isEqualTo(65_000_000);
	}

	private static OutboxRow row(long id, @Nullable String traceparent) {
		return new OutboxRow(id, "event-" + id, "order-" + id, "OrderPlaced", "orders.order-placed.v1", PAYLOAD,
				traceparent, 0, System.nanoTime());
	}

	private static List<String> headers(ProducerRecord<String, byte[]> record) {
		return Arrays.stream(record.headers().toArray())
			.map((Header header) -> header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8))
			.toList();
	}

}
