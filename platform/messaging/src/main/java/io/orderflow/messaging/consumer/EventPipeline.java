package io.orderflow.messaging.consumer;

import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service consumes a saga event. A listener maps and delegates:
 *
 * <pre class="code">
 * &#64;KafkaListener(id = "payment.stock-reserved", idIsGroup = false, topics = Topics.STOCK_RESERVED)
 * void on(ConsumerRecord&lt;String, &#64;Nullable Object&gt; record, Acknowledgment ack) {
 *     this.pipeline.process(record, ack, StockReservedMapper::toInbound, this.payments::charge);
 * }
 * </pre>
 *
 * For each record, in this order:
 * <ol>
 * <li><b>map</b> the value to an {@link Inbound} (event id + domain command). A mapping
 * is a function of the record alone: when it fails, it fails the same way on every
 * delivery, so any exception it throws becomes a {@link NonRetryableEventException} (dead
 * letter at once);</li>
 * <li>in <b>one database transaction</b>: claim the event id in {@code processed_events}
 * and, when it was not claimed before, hand the command to the domain handler, which
 * applies its effect and appends its events to the outbox in that same transaction. A
 * redelivered event changes nothing; it is logged and counted
 * ({@value #REDELIVERED}{@code {topic}});</li>
 * <li><b>acknowledge</b> only after that transaction committed (the container commits the
 * offset at once). A crash between the commit and the offset commit redelivers the
 * record, which step 2 then recognizes.</li>
 * </ol>
 * A failure in step 2 propagates to the container's error handler, which classifies it
 * (see {@code ConsumerConfiguration}): transient failures are retried with backoff,
 * records that can never succeed go to {@code <topic>.dlt}.
 */
public class EventPipeline {

	/** Records whose event had been applied before (redeliveries), by topic. */
	public static final String REDELIVERED = "orderflow.events.redelivered";

	private static final Logger logger = LoggerFactory.getLogger(EventPipeline.class);

	private final ProcessedEvents processedEvents;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	/**
	 * @param processedEvents the deduplication table
	 * @param transactionManager the service's transaction manager (the one its domain and
	 * its outbox use)
	 * @param meters where redeliveries are counted
	 */
	public EventPipeline(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
			MeterRegistry meters) {
		this.processedEvents = processedEvents;
		this.transactions = new TransactionTemplate(transactionManager);
		this.meters = meters;
		Topics.ALL.forEach(this::redelivered);
	}

	/**
	 * Maps, applies exactly once and acknowledges one record.
	 * @param <C> the command type
	 * @param record the record as the container delivered it (value {@code null} for a
	 * tombstone)
	 * @param ack the record's acknowledgment
	 * @param mapping record value to event id and command; throws when the record breaks
	 * the contract
	 * @param handler the domain: applies the command, inside the transaction this
	 * pipeline opens
	 * @throws NonRetryableEventException when the record cannot be mapped
	 */
	public <C> void process(ConsumerRecord<?, ?> record, Acknowledgment ack,
			Function<@Nullable Object, Inbound<C>> mapping, Consumer<C> handler) {
		Inbound<C> inbound = map(record, mapping);
		Boolean applied = this.transactions.execute((status) -> {
			if (!this.processedEvents.claim(inbound.eventId(), record.topic())) {
				return false;
			}
			handler.accept(inbound.command());
			return true;
		});
		if (!Boolean.TRUE.equals(applied)) {
			logger.info("Event {} from {} was processed before, redelivery changes nothing", inbound.eventId(),
					record.topic());
			redelivered(record.topic()).increment();
		}
		acknowledge(record, inbound, ack);
	}

	/**
	 * Acknowledges a record whose transaction has committed. Tests override this to
	 * simulate a process that dies right here.
	 * @param record the record
	 * @param inbound what it carried
	 * @param ack its acknowledgment
	 */
	protected void acknowledge(ConsumerRecord<?, ?> record, Inbound<?> inbound, Acknowledgment ack) {
		ack.acknowledge();
	}

	private static <C> Inbound<C> map(ConsumerRecord<?, ?> record, Function<@Nullable Object, Inbound<C>> mapping) {
		try {
			return mapping.apply(record.value());
		}
		catch (NonRetryableEventException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new NonRetryableEventException("record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " cannot be mapped: " + ex, ex);
		}
	}

	private Counter redelivered(String topic) {
		return Counter.builder(REDELIVERED)
			.description("Records whose event had been applied before; they changed nothing")
			.tag("topic", topic)
			.register(this.meters);
	}

}
