package io.orderflow.relay.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.relay.outbox.RelayProducerFactory.RelayProducer;
import org.apache.kafka.clients.producer.Producer;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.jspecify.annotations.Nullable;

/**
 * Sends the rows of one source to Kafka and reports which ones the broker acknowledged.
 * One producer per source, so that a failure in one source never disturbs the others.
 * <p>
 * On the first failed record the producer is closed at once, from the failing callback,
 * as Kafka's documentation recommends to keep ordering: the records behind it, in this
 * batch and in any batch sent after it, are never sent, and with idempotence the broker
 * already refused any in-flight record of the same partition that would follow the gap.
 * The acknowledged rows are therefore a prefix per partition, so per aggregate, and
 * marking exactly them keeps the order. The next batch gets a fresh producer.
 * <p>
 * Used by the source's relay thread; {@link #close()} may come from another thread (at
 * shutdown) and fails whatever is in flight.
 */
final class BatchPublisher implements AutoCloseable {

	static final String EVENT_ID_HEADER = "event_id";

	static final String EVENT_TYPE_HEADER = "event_type";

	static final String TRACEPARENT_HEADER = "traceparent";

	private final String source;

	private final RelayProducerFactory producers;

	private final Duration completionBound;

	private final AtomicReference<@Nullable RelayProducer> current = new AtomicReference<>();

	BatchPublisher(String source, RelayProducerFactory producers) {
		this.source = source;
		this.producers = producers;
		this.completionBound = producers.completionBound();
	}

	/**
	 * Hands the rows to the producer, in order, without waiting for the broker.
	 * @param rows rows in id order
	 * @return the batch in flight
	 * @throws InterruptedException when interrupted (shutdown): the batch is abandoned
	 */
	InFlight send(List<OutboxRow> rows) throws InterruptedException {
		Producer<String, byte[]> producer = producer().producer();
		Acknowledgements acks = new Acknowledgements(rows.size(), () -> producer.close(Duration.ZERO));
		int attempted = 0;
		while (attempted < rows.size() && !acks.failed()) {
			int index = attempted++;
			try {
				OutboxRow row = rows.get(index);
				try (Scope parent = TraceParent.scope(row.traceparent())) {
					producer.send(record(row), (metadata, ex) -> acks.complete(index, ex));
				}
			}
			catch (InterruptException ex) {
				throw abandoned();
			}
			catch (RuntimeException ex) {
				// e.g. a record over max.request.size, or a producer that a failed
				// callback has closed: no callback follows
				acks.complete(index, ex);
			}
		}
		acks.skipUnsent(attempted);
		return new InFlight(rows, acks);
	}

	/**
	 * Sends whatever was handed over now, rather than after {@code linger.ms}, and waits
	 * until it is complete: for a batch that has nothing more to wait for.
	 * @throws InterruptedException when interrupted (shutdown)
	 */
	void flush() throws InterruptedException {
		RelayProducer producer = this.current.get();
		if (producer == null) {
			return;
		}
		try {
			producer.producer().flush();
		}
		catch (InterruptException ex) {
			throw abandoned();
		}
		catch (IllegalStateException ex) {
			// a failed callback closed the producer; its batch reports the failure
		}
	}

	/**
	 * Waits until every record of the batch is acknowledged or failed.
	 * @param batch a batch returned by {@link #send(List)}
	 * @return the acknowledged rows and the first failure, if any
	 * @throws InterruptedException when interrupted (shutdown): the batch is abandoned
	 * and nothing of it may be marked; its rows are sent again by the next leader
	 */
	PublishResult await(InFlight batch) throws InterruptedException {
		try {
			if (!batch.acks().await(this.completionBound.toMillis(), TimeUnit.MILLISECONDS)) {
				batch.acks().timedOut(this.completionBound);
			}
		}
		catch (InterruptedException ex) {
			throw abandoned();
		}
		PublishResult result = batch.acks().result(batch.rows());
		if (result.failure() != null) {
			discard();
		}
		return result;
	}

	private InterruptedException abandoned() {
		Thread.interrupted(); // Kafka's InterruptException sets the flag again
		discard();
		return new InterruptedException("batch abandoned");
	}

	private RelayProducer producer() {
		RelayProducer producer = this.current.get();
		if (producer == null) {
			producer = this.producers.create(this.source);
			this.current.set(producer);
		}
		return producer;
	}

	private void discard() {
		RelayProducer producer = this.current.getAndSet(null);
		if (producer != null) {
			producer.close(Duration.ZERO);
		}
	}

	static ProducerRecord<String, byte[]> record(OutboxRow row) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), null, row.aggregateId(),
				row.payload());
		record.headers().add(EVENT_ID_HEADER, row.eventId().getBytes(StandardCharsets.UTF_8));
		record.headers().add(EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
		String traceparent = row.traceparent();
		if (traceparent != null && !traceparent.isBlank()) {
			record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	/**
	 * Closes the producer, abandoning whatever it has not sent.
	 */
	@Override
	public void close() {
		discard();
	}

	/**
	 * A batch handed to the producer, not yet complete.
	 *
	 * @param rows the rows, in send order
	 * @param acks their outcomes, as they arrive
	 */
	record InFlight(List<OutboxRow> rows, Acknowledgements acks) {

		long[] ids() {
			return this.rows.stream().mapToLong(OutboxRow::id).toArray();
		}

	}

}
