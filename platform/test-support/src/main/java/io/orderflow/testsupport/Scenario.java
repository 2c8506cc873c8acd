package io.orderflow.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.awaitility.Awaitility.await;

/**
 * Scenario-style tests of a consuming service: send this record, then await what it
 * should cause.
 *
 * <pre class="code">
 * scenario.send(Topics.STOCK_RESERVED, event).andAwaitOutbox(PaymentCompleted.class);
 * scenario.send(Topics.STOCK_RESERVED, event).andAwaitRedelivered();
 * scenario.send(Topics.STOCK_RESERVED, event).andAwait(() -&gt; balance(customer), (b) -&gt; b == 6_000);
 * </pre>
 *
 * Every {@code @RealInfrastructure} context of a service has one, ready to be
 * {@code @Autowired}. Each send first waits until the listeners own every partition
 * ({@link ListenerAssignments}): the test's group starts at the log end.
 */
public final class Scenario implements AutoCloseable {

	/** How long any expected outcome may take. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TestProducer producer;

	private final OutboxRows outbox;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final @Nullable KafkaListenerEndpointRegistry listeners;

	/**
	 * @param registry the registry the service reads and writes through
	 * @param jdbc the service's database
	 * @param meters the service's meters
	 * @param listeners the service's listeners, awaited before each send; {@code null}
	 * for a context without listeners
	 */
	public Scenario(SchemaRegistryProperties registry, JdbcClient jdbc, MeterRegistry meters,
			@Nullable KafkaListenerEndpointRegistry listeners) {
		this.producer = new TestProducer(registry);
		this.outbox = new OutboxRows(jdbc, registry);
		this.jdbc = jdbc;
		this.meters = meters;
		this.listeners = listeners;
	}

	/**
	 * Waits until the listeners own every partition of their topics.
	 * @return this
	 */
	public Scenario awaitListeners() {
		if (this.listeners != null) {
			ListenerAssignments.await(this.listeners);
		}
		return this;
	}

	/**
	 * Sends a saga event keyed by its order id and waits for the broker's acknowledgment.
	 * @param topic the topic
	 * @param event the event
	 * @return what to await
	 */
	public Sent send(String topic, SpecificRecord event) {
		awaitListeners();
		double redeliveredBefore = redelivered(topic).count();
		RecordMetadata metadata = this.producer.send(topic, event);
		return new Sent(topic, event, metadata, redeliveredBefore);
	}

	/**
	 * Sends many saga events at once, each keyed by its order id.
	 * @param topic the topic
	 * @param events the events
	 */
	public void sendAll(String topic, List<? extends SpecificRecord> events) {
		awaitListeners();
		this.producer.sendAll(topic, events);
	}

	/**
	 * @return the producer, for records no service would send (after
	 * {@link #awaitListeners()})
	 */
	public TestProducer producer() {
		return this.producer;
	}

	/**
	 * @return the service's outbox
	 */
	public OutboxRows outbox() {
		return this.outbox;
	}

	@Override
	public void close() {
		this.producer.close();
		this.outbox.close();
	}

	private Counter redelivered(String topic) {
		return this.meters.counter(EventPipeline.REDELIVERED, "topic", topic);
	}

	private String groupOf(String topic) {
		if (this.listeners == null) {
			throw new IllegalStateException("no listeners in this context");
		}
		return this.listeners.getListenerContainers()
			.stream()
			.filter((container) -> container.getContainerProperties().getTopics() != null
					&& Arrays.asList(container.getContainerProperties().getTopics()).contains(topic))
			.map(MessageListenerContainer::getGroupId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no listener of " + topic));
	}

	private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
		OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(partition);
		return (offset != null) ? offset.offset() : -1;
	}

	private boolean processed(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	/** A record on the broker, and what it should cause. */
	public final class Sent {

		private final String topic;

		private final SpecificRecord event;

		private final RecordMetadata metadata;

		private final double redeliveredBefore;

		Sent(String topic, SpecificRecord event, RecordMetadata metadata, double redeliveredBefore) {
			this.topic = topic;
			this.event = event;
			this.metadata = metadata;
			this.redeliveredBefore = redeliveredBefore;
		}

		/**
		 * @return where the record landed
		 */
		public RecordMetadata metadata() {
			return this.metadata;
		}

		/**
		 * Waits until the service applied the event (its id is in
		 * {@code processed_events}, committed with the effect).
		 * @return this
		 */
		public Sent andAwaitProcessed() {
			UUID eventId = SagaRecords.eventId(this.event);
			await().atMost(TIMEOUT).until(() -> processed(eventId));
			return this;
		}

		/**
		 * Waits until the service recognized a delivery of an event it had applied before
		 * (and changed nothing).
		 * @return this
		 */
		public Sent andAwaitRedelivered() {
			await().atMost(TIMEOUT).until(() -> redelivered(this.topic).count() > this.redeliveredBefore);
			return this;
		}

		/**
		 * Waits until the outbox of the event's order holds an event of the given type.
		 * @param <T> the event type
		 * @param type the event type
		 * @return the first such event
		 */
		public <T extends SpecificRecord> T andAwaitOutbox(Class<T> type) {
			UUID orderId = SagaRecords.orderId(this.event);
			return await().atMost(TIMEOUT)
				.until(() -> Scenario.this.outbox.forAggregate(orderId)
					.stream()
					.map(OutboxRows.Row::payload)
					.filter(type::isInstance)
					.map(type::cast)
					.findFirst(), java.util.Optional::isPresent)
				.orElseThrow();
		}

		/**
		 * Waits until the consumer group of the topic's listener committed the offset
		 * just past the record: the group acknowledged it, and nothing after it on its
		 * partition.
		 * @return this
		 */
		public Sent andAwaitCommitted() {
			String group = groupOf(this.metadata.topic());
			TopicPartition partition = new TopicPartition(this.metadata.topic(), this.metadata.partition());
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
				await().atMost(TIMEOUT).until(() -> committed(admin, group, partition) == this.metadata.offset() + 1);
			}
			return this;
		}

		/**
		 * Waits until a value satisfies a condition.
		 * @param <T> the value type
		 * @param value reads the value (e.g. from the database)
		 * @param condition what it must satisfy
		 * @return the value that did
		 */
		public <T> T andAwait(Callable<T> value, Predicate<? super T> condition) {
			return await().atMost(TIMEOUT).until(value, condition::test);
		}

	}

}
