package io.orderflow.messaging.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a service consumes saga events: a batch listener (every listener is one:
 * {@code spring.kafka.listener.type: batch} in the suite's defaults) maps and delegates.
 *
 * <pre class="code">
 * &#64;KafkaListener(id = "payment-stock-reserved", idIsGroup = false, topics = Topics.STOCK_RESERVED)
 * void on(List&lt;ConsumerRecord&lt;String, &#64;Nullable Object&gt;&gt; records, Acknowledgment ack) {
 *     this.pipeline.process(records, ack, StockReservedMapper::toInbound, this.payments::charge);
 * }
 * </pre>
 *
 * For each polled batch, in this order:
 * <ol>
 * <li><b>decode</b> every value (the container delivers the bytes as they are on the
 * topic, see {@link EventDecoder}: a registry that cannot be reached is a transient
 * failure, bytes that can never be read are not) and <b>map</b> it to an {@link Inbound}
 * (event id + domain command). A mapping is a function of the record alone: when it
 * fails, it fails the same way on every delivery, so any exception it throws makes the
 * record one that can never succeed ({@link NonRetryableEventException});</li>
 * <li>in <b>one database transaction</b> for the whole batch: claim every event id in
 * {@code processed_events} with one statement, then hand the command of each newly
 * claimed event, in record order, to the domain handler, which applies its effect and
 * appends its events to the outbox in that same transaction. A redelivered event (also
 * one that comes twice in the batch) changes nothing; it is logged and counted
 * ({@value #REDELIVERED}{@code {topic}});</li>
 * <li><b>acknowledge</b> the batch only after that transaction committed (the container
 * commits the offsets at once). A crash between the commit and the offset commit
 * redelivers the batch, which step 2 then recognizes.</li>
 * </ol>
 * <b>A record that fails</b> is isolated and then handled exactly as a single record
 * would be. When record {@code i} cannot be mapped or its handler throws, the batch
 * transaction is rolled back as a whole (never a savepoint: a rolled-back savepoint would
 * leave the handler's half-made changes in a JPA persistence context, to be flushed with
 * the others), records {@code 0..i-1} are applied again in a transaction of their own,
 * (if that fails at record {@code j}, records {@code 0..j-1} again, and so on: the
 * offsets before a record are committed only once its predecessors are), and then
 * {@link BatchListenerFailedException} names record {@code i} (or {@code j}): the
 * container's error handler commits the offsets before it, retries it (with the records
 * after it, which were not applied) or dead-letters it, as it classifies the cause (see
 * {@code ConsumerConfiguration}). A failure that belongs to no record (the database is
 * down, the commit fails) names the first record: the whole batch is retried. Nothing is
 * applied twice, nothing after a failed record is applied before it.
 * <p>
 * Each record is applied in a consumer span of its own, a child of the span that
 * published it ({@link RecordSpans}): a batch keeps every saga step in its request's
 * trace.
 */
public class EventPipeline {

	/** Records whose event had been applied before (redeliveries), by topic. */
	public static final String REDELIVERED = "orderflow.events.redelivered";

	/** Records per applied batch (per database transaction). */
	public static final String BATCH_SIZE = "orderflow.events.batch.size";

	private static final Logger logger = LoggerFactory.getLogger(EventPipeline.class);

	private static final LogAccessor deserializationLog = new LogAccessor(EventPipeline.class);

	private final ProcessedEvents processedEvents;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final DistributionSummary batchSize;

	private final RecordBoundary recordBoundary;

	private final RecordSpans spans = new RecordSpans();

	private final EventDecoder decoder;

	/**
	 * @param processedEvents the deduplication table
	 * @param transactionManager the service's transaction manager (the one its domain and
	 * its outbox use)
	 * @param meters where redeliveries and batch sizes are counted
	 * @param recordBoundary what runs in the batch transaction after each record
	 * @param decoder decodes the values the container delivers as bytes
	 */
	public EventPipeline(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager,
			MeterRegistry meters, RecordBoundary recordBoundary, EventDecoder decoder) {
		this.recordBoundary = recordBoundary;
		this.decoder = decoder;
		this.processedEvents = processedEvents;
		this.transactions = new TransactionTemplate(transactionManager);
		this.meters = meters;
		Topics.ALL.forEach(this::redelivered);
		this.batchSize = DistributionSummary.builder(BATCH_SIZE)
			.description("Records applied (or recognized as redeliveries) per database transaction")
			.register(meters);
	}

	/**
	 * Maps, applies exactly once and acknowledges a batch of records of one topic.
	 * @param <C> the command type
	 * @param records the records as the container delivered them, in offset order per
	 * partition (value {@code null} for a tombstone or an undecodable value)
	 * @param ack the batch's acknowledgment
	 * @param mapping record value to event id and command; throws when the record breaks
	 * the contract
	 * @param handler the domain: applies one command, inside the transaction this
	 * pipeline opens
	 * @throws BatchListenerFailedException naming the first record that failed; the
	 * records before it are applied and committed
	 */
	public <C> void process(List<? extends ConsumerRecord<?, ?>> records, Acknowledgment ack,
			Function<@Nullable Object, ? extends Inbound<? extends C>> mapping, Consumer<C> handler) {
		run(records, ack, (record, value) -> mapping.apply(value), (commands) -> {
		}, handler);
	}

	/**
	 * Maps, applies exactly once and acknowledges a batch of records of several topics,
	 * whose commands share one type, and lets the domain prepare each batch transaction:
	 * {@code prepare} receives the commands about to be applied, in record order, before
	 * the first of them, e.g. to lock the rows they will all touch in one fixed order, so
	 * that batches running concurrently never deadlock on rows they share. A failure in
	 * {@code prepare} belongs to no record: the whole batch is retried.
	 * @param <C> the command type
	 * @param records the records as the container delivered them
	 * @param ack the batch's acknowledgment
	 * @param mappings record value to event id and command, by topic
	 * @param prepare the domain: runs first in each batch transaction
	 * @param handler the domain: applies one command
	 * @throws BatchListenerFailedException naming the first record that failed; the
	 * records before it are applied and committed
	 */
	public <C> void process(List<? extends ConsumerRecord<?, ?>> records, Acknowledgment ack, TopicMappings<C> mappings,
			Consumer<List<C>> prepare, Consumer<C> handler) {
		run(records, ack, (record, value) -> mappings.map(record.topic(), value), prepare, handler);
	}

	/**
	 * As {@link #process(List, Acknowledgment, TopicMappings, Consumer, Consumer)}, with
	 * nothing to prepare.
	 * @param <C> the command type
	 * @param records the records as the container delivered them
	 * @param ack the batch's acknowledgment
	 * @param mappings record value to event id and command, by topic
	 * @param handler the domain: applies one command
	 */
	public <C> void process(List<? extends ConsumerRecord<?, ?>> records, Acknowledgment ack, TopicMappings<C> mappings,
			Consumer<C> handler) {
		run(records, ack, (record, value) -> mappings.map(record.topic(), value), (commands) -> {
		}, handler);
	}

	private <C> void run(List<? extends ConsumerRecord<?, ?>> records, Acknowledgment ack,
			BiFunction<ConsumerRecord<?, ?>, @Nullable Object, ? extends Inbound<? extends C>> mapping,
			Consumer<List<C>> prepare, Consumer<C> handler) {
		List<Inbound<? extends C>> inbound = new ArrayList<>(records.size());
		RuntimeException failure = null;
		for (ConsumerRecord<?, ?> record : records) {
			try {
				inbound.add(map(record, mapping));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		int applied = inbound.size();
		try {
			apply(records, inbound, prepare, handler);
		}
		catch (RecordFailedException ex) {
			failure = ex.getCause();
			applied = ex.index;
			// the rolled-back transaction took the records before the failed one with it:
			// apply them again, on their own. Should that fail too (a deadlock, the
			// database going away), its transaction took the records before that failure
			// with it as well: apply those again, until they are committed or none is
			// left.
			// Only then may the error handler commit the offsets before the failed record
			while (applied > 0) {
				try {
					apply(records, inbound.subList(0, applied), prepare, handler);
					break;
				}
				catch (RecordFailedException again) {
					failure = again.getCause();
					applied = again.index;
				}
			}
		}
		if (failure != null) {
			// the error handler commits the offsets of the records before this one
			throw failed(records, applied, failure);
		}
		acknowledge(records, inbound, ack);
	}

	/**
	 * Acknowledges a batch whose transaction has committed, every record of it applied or
	 * recognized as a redelivery. Tests override this to simulate a process that dies
	 * right here.
	 * @param records the records
	 * @param inbound what they carried, one per record
	 * @param ack the batch's acknowledgment
	 */
	protected void acknowledge(List<? extends ConsumerRecord<?, ?>> records, List<? extends Inbound<?>> inbound,
			Acknowledgment ack) {
		ack.acknowledge();
	}

	/**
	 * Claims and applies the first {@code inbound.size()} records in one transaction.
	 * @throws RecordFailedException naming the record that failed, or the first one when
	 * the failure belongs to no record
	 */
	private <C> void apply(List<? extends ConsumerRecord<?, ?>> records, List<Inbound<? extends C>> inbound,
			Consumer<List<C>> prepare, Consumer<C> handler) {
		if (inbound.isEmpty()) {
			return;
		}
		List<Integer> redeliveries = new ArrayList<>();
		try {
			this.transactions.executeWithoutResult((status) -> {
				redeliveries.clear();
				Set<UUID> claimed = new HashSet<>(
						this.processedEvents.claim(inbound.stream().map(Inbound::eventId).toList(),
								records.subList(0, inbound.size()).stream().map(ConsumerRecord::topic).toList()));
				List<Integer> fresh = new ArrayList<>(claimed.size());
				for (int i = 0; i < inbound.size(); i++) {
					if (claimed.remove(inbound.get(i).eventId())) {
						fresh.add(i);
					}
					else {
						redeliveries.add(i);
					}
				}
				if (fresh.isEmpty()) {
					return;
				}
				prepare.accept(fresh.stream().<C>map((i) -> inbound.get(i).command()).toList());
				for (int i : fresh) {
					Span span = this.spans.start(records.get(i));
					try (Scope current = span.makeCurrent()) {
						handler.accept(inbound.get(i).command());
						this.recordBoundary.afterRecord();
					}
					catch (RuntimeException ex) {
						span.recordException(ex);
						span.setStatus(StatusCode.ERROR);
						throw new RecordFailedException(i, ex);
					}
					finally {
						span.end();
					}
				}
			});
		}
		catch (RecordFailedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RecordFailedException(0, ex);
		}
		this.batchSize.record(inbound.size());
		for (int i : redeliveries) {
			String topic = records.get(i).topic();
			logger.info("Event {} from {} was processed before, redelivery changes nothing", inbound.get(i).eventId(),
					topic);
			redelivered(topic).increment();
		}
	}

	private static BatchListenerFailedException failed(List<? extends ConsumerRecord<?, ?>> records, int index,
			Throwable cause) {
		ConsumerRecord<?, ?> record = records.get(index);
		return new BatchListenerFailedException(
				record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: " + cause.getMessage(),
				cause, index);
	}

	private <C> Inbound<? extends C> map(ConsumerRecord<?, ?> record,
			BiFunction<ConsumerRecord<?, ?>, @Nullable Object, ? extends Inbound<? extends C>> mapping) {
		DeserializationException undecodableKey = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER, deserializationLog);
		if (undecodableKey != null) {
			throw new NonRetryableEventException("record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has an undecodable key", undecodableKey);
		}
		Object value = this.decoder.decode(record);
		try {
			return mapping.apply(record, value);
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

	/** Record {@code index} of the batch failed; the transaction rolled back. */
	private static final class RecordFailedException extends RuntimeException {

		private final int index;

		RecordFailedException(int index, RuntimeException cause) {
			super(cause.getMessage(), cause, false, false);
			this.index = index;
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

}
