package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.TcpForwarder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row that can never be published is parked and holds up nothing but its own
 * aggregate's later rows; an operator moves it back once the cause is fixed and the
 * aggregate's events follow in order. A leader that cannot publish steps down for one
 * that can. Real broker and PostgreSQL; each test starts from an empty outbox.
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class RelayParkingTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** What {@code ./orderflow outbox unpark} runs: the parked rows go back, ids kept. */
	private static final String UNPARK = """
			WITH moved AS (DELETE FROM outbox_parked RETURNING *)
			INSERT INTO outbox (id, event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers,
			                    created_at)
			OVERRIDING SYSTEM VALUE
			SELECT id, event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers, created_at
			FROM moved""";

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

	@BeforeEach
	void emptyOutbox() {
		this.database.jdbc().sql("DELETE FROM outbox").update();
		this.database.jdbc().sql("DELETE FROM outbox_parked").update();
	}

	@Test
	void parksARowTooLargeToPublishWhileEveryOtherAggregateFlowsAndItsOwnLaterRowsWait() {
		String topic = this.topics.create("too-large");
		String held = UUID.randomUUID().toString();
		OutboxEvent before = Events.orderPlaced(topic, held, 1);
		this.database.append(List.of(before));
		long tooLarge = appendRaw(held, topic, new byte[2 * 1024 * 1024]); // over
																			// max.request.size
		OutboxEvent behind = Events.orderPlaced(topic, held, 3);
		this.database.append(List.of(behind));
		List<OutboxEvent> others = IntStream.range(0, 10).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(others);

		try (RelayInstance relay = RelayInstance.start(this.database, this.topics.bootstrapServers())) {
			await().atMost(TIMEOUT).until(() -> parkedReasons().size() == 1);
			assertThat(parkedReasons().get(0)).contains("RecordTooLargeException");
			await().atMost(TIMEOUT)
				.until(() -> others.stream().allMatch((event) -> this.database.isPublished(id(event))));
			assertThat(this.database.isPublished(id(before))).isTrue();
			assertThat(this.database.isPublished(id(behind))).as("waits behind its aggregate's parked row").isFalse();
			assertThat(parkedIds()).containsExactly(tooLarge);
			await().atMost(TIMEOUT).until(() -> relay.parked() == 1.0);
			assertThat(relay.status().details()).containsEntry("parked", 1L);

			// the operator gives up on the row: the aggregate flows again
			this.database.jdbc().sql("DELETE FROM outbox_parked").update();
			await().atMost(TIMEOUT).until(() -> this.database.isPublished(id(behind)));
		}
		try (TopicReader reader = this.topics.reader(topic)) {
			List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(List.of(id(before), id(behind)),
					TIMEOUT);
			assertThat(TopicReader.firstOccurrencesByKey(records).get(held)).containsExactly(id(before), id(behind));
		}
	}

	@Test
	void aRowOverTheTopicsLimitIsParkedAndPublishedInOrderOnceTheLimitIsRaisedAndItIsMovedBack() {
		String topic = this.topics.create("topic-limit", Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1024"));
		String aggregate = UUID.randomUUID().toString();
		OutboxEvent first = Events.orderPlaced(topic, aggregate, 1);
		OutboxEvent big = Events.orderPlacedWithLines(topic, aggregate, 100); // a few KB,
																				// compressed
																				// or not
		OutboxEvent third = Events.orderPlaced(topic, aggregate, 3);
		this.database.append(List.of(first));
		this.database.append(List.of(big));
		this.database.append(List.of(third));
		OutboxEvent other = Events.orderPlaced(topic);
		this.database.append(List.of(other));

		try (RelayInstance relay = RelayInstance.start(this.database, this.topics.bootstrapServers())) {
			await().atMost(TIMEOUT).until(() -> parkedReasons().size() == 1);
			assertThat(parkedReasons().get(0)).contains("RecordTooLargeException");
			await().atMost(TIMEOUT).until(() -> this.database.isPublished(id(other)));
			assertThat(this.database.isPublished(id(first))).isTrue();
			assertThat(this.database.isPublished(id(third))).as("waits behind its aggregate's parked row").isFalse();

			// the operator raises the topic's limit and moves the row back
			this.topics.configure(topic, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588");
			assertThat(this.database.jdbc().sql(UNPARK).update()).isEqualTo(1);

			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
			assertThat(parkedIds()).isEmpty();
		}
		try (TopicReader reader = this.topics.reader(topic)) {
			List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(List.of(id(first), id(big), id(third)),
					TIMEOUT);
			assertThat(TopicReader.firstOccurrencesByKey(records).get(aggregate)).containsExactly(id(first), id(big),
					id(third));
		}
	}

	@Test
	void anInstanceThatCannotReachTheBrokerLeavesItsLanesToOneThatCan() throws Exception {
		String topic = this.topics.create("step-down");
		try (TcpForwarder unreachable = new TcpForwarder(this.topics.bootstrapServers());
				RelayInstance cut = RelayInstance.start(this.database, unreachable.address(),
						"spring.kafka.producer.properties.max.block.ms=500",
						"spring.kafka.producer.properties.request.timeout.ms=500",
						"spring.kafka.producer.properties.delivery.timeout.ms=1000",
						"orderflow.relay.retry-backoff=100ms", "orderflow.relay.max-retry-backoff=200ms",
						"orderflow.relay.step-down-after=3s")) {
			await().atMost(TIMEOUT).until(cut::isPublishing);
			List<OutboxEvent> events = IntStream.range(0, 20).mapToObj((i) -> Events.orderPlaced(topic)).toList();
			this.database.append(events);
			try (RelayInstance healthy = RelayInstance.start(this.database, this.topics.bootstrapServers())) {
				await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
				assertThat(healthy.published()).isEqualTo(events.size());
				assertThat(cut.published()).isZero();
				assertThat(cut.stepDowns()).isPositive();
				assertThat(healthy.isPublishing()).isTrue();
			}
		}
	}

	private long appendRaw(String aggregateId, String topic, byte[] payload) {
		return this.database.jdbc()
			.sql("""
					INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload)
					VALUES (:eventId, 'Order', :aggregateId, 'OrderPlaced', :topic, :payload) RETURNING id""")
			.param("eventId", UUID.randomUUID())
			.param("aggregateId", aggregateId)
			.param("topic", topic)
			.param("payload", payload)
			.query(Long.class)
			.single();
	}

	private List<String> parkedReasons() {
		return this.database.jdbc().sql("SELECT reason FROM outbox_parked ORDER BY id").query(String.class).list();
	}

	private List<Long> parkedIds() {
		return this.database.jdbc().sql("SELECT id FROM outbox_parked ORDER BY id").query(Long.class).list();
	}

	private static String id(OutboxEvent event) {
		return event.eventId().toString();
	}

}
