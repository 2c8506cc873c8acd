package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.relay.outbox.OutboxDatabase.Appended;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.TcpForwarder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relay instances that stop, restart, compete and lose the broker, as separate
 * application contexts against one source database; each test starts from an empty
 * outbox.
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class RelayFailoverTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

	@BeforeEach
	void emptyOutbox() {
		this.database.jdbc().sql("DELETE FROM outbox").update();
	}

	@Test
	void publishesEveryCommittedEventAfterARelayStoppedInTheMiddleOfABacklogIsRestarted() {
		String topic = this.topics.create("restart");
		List<String> eventIds = new ArrayList<>();
		for (int transaction = 0; transaction < 40; transaction++) {
			List<OutboxEvent> events = IntStream.range(0, 100).mapToObj((i) -> Events.orderPlaced(topic)).toList();
			this.database.append(events);
			events.forEach((event) -> eventIds.add(event.eventId().toString()));
		}

		// small batches: many rounds, so the stop lands in the middle of the backlog
		try (RelayInstance first = startRelay("orderflow.relay.batch-size=10")) {
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> first.published() > 0);
		}
		assertThat(this.database.unpublished()).as("backlog left by the stopped relay").isPositive();

		try (RelayInstance second = startRelay()) {
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
		}
		try (TopicReader reader = this.topics.reader(topic)) {
			assertThat(TopicReader.eventIds(reader.awaitEventIds(eventIds, TIMEOUT))).containsAll(eventIds);
		}
		assertThat(this.database.unpublished()).isZero();
	}

	@Test
	void twoInstancesShareTheLanesAndPublishEveryAggregateInInsertionOrderWhenOneStopsInTheMiddle() throws Exception {
		String topic = this.topics.create("two-instances");
		List<String> aggregates = IntStream.range(0, 50).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		Map<String, Map<Integer, String>> inserted = new ConcurrentHashMap<>();
		AtomicInteger appended = new AtomicInteger();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		// small batches: under backlog, a batch stays in flight during the next claim
		RelayInstance first = startRelay("orderflow.relay.batch-size=20");
		RelayInstance second = startRelay("orderflow.relay.batch-size=20");
		try {
			await().atMost(TIMEOUT).until(() -> first.ownedLanes() == 8 && second.ownedLanes() == 8);
			List<Future<?>> writes = new ArrayList<>();
			for (int i = 0; i < 1_000; i++) {
				String aggregate = aggregates.get(i % aggregates.size());
				writes.add(writers.submit(() -> {
					Appended event = this.database.appendForAggregate(aggregate,
							(version) -> Events.orderPlaced(topic, aggregate, version));
					inserted.computeIfAbsent(aggregate, (key) -> Collections.synchronizedMap(new TreeMap<>()))
						.put(event.version(), event.eventId());
					appended.incrementAndGet();
				}));
			}
			await().atMost(TIMEOUT)
				.until(() -> appended.get() >= 400 && first.published() > 0 && second.published() > 0);
			first.close();

			for (Future<?> write : writes) {
				write.get();
			}
			await().atMost(TIMEOUT).until(() -> second.ownedLanes() == 16);
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
		}
		finally {
			writers.shutdownNow();
			first.close();
			second.close();
		}

		List<String> allEventIds = inserted.values().stream().flatMap((events) -> events.values().stream()).toList();
		assertThat(allEventIds).hasSize(1_000);
		try (TopicReader reader = this.topics.reader(topic)) {
			List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(allEventIds, TIMEOUT);
			Map<String, List<String>> firstOccurrences = TopicReader.firstOccurrencesByKey(records);
			assertThat(firstOccurrences.keySet()).containsExactlyInAnyOrderElementsOf(aggregates);
			for (String aggregate : aggregates) {
				assertThat(firstOccurrences.get(aggregate)).as("events of aggregate %s", aggregate)
					.containsExactlyElementsOf(inserted.get(aggregate).values());
			}
		}
	}

	/**
	 * The pitfall of rows marked sent although the send failed: while the broker cannot
	 * be reached, nothing may be marked published.
	 */
	@Test
	void marksNothingPublishedWhileTheBrokerIsUnreachableAndPublishesEverythingOnceItIsBack() throws Exception {
		String topic = this.topics.create("outage");
		List<OutboxEvent> events = IntStream.range(0, 20).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(events);

		try (TcpForwarder broker = new TcpForwarder(this.topics.bootstrapServers());
				RelayInstance relay = RelayInstance.start(this.database, broker.address(),
						"spring.kafka.producer.properties.max.block.ms=500",
						"spring.kafka.producer.properties.request.timeout.ms=500",
						"spring.kafka.producer.properties.delivery.timeout.ms=1000",
						"orderflow.relay.retry-backoff=100ms", "orderflow.relay.max-retry-backoff=200ms")) {
			await().atMost(TIMEOUT).until(() -> relay.publishFailures() >= 3);

			assertThat(this.database.published()).isZero();
			assertThat(this.database.unpublished()).isEqualTo(events.size());
			assertThat(relay.published()).isZero();
			assertThat(relay.isPublishing()).isTrue();

			broker.start();
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
			assertThat(relay.published()).isEqualTo(events.size());
		}
		try (TopicReader reader = this.topics.reader(topic)) {
			List<String> eventIds = events.stream().map((event) -> event.eventId().toString()).toList();
			assertThat(TopicReader.eventIds(reader.awaitEventIds(eventIds, TIMEOUT))).containsAll(eventIds);
		}
	}

	@Test
	void deletesAcknowledgedRowsByDefaultAndKeepsThemMarkedWhenARetentionIsSet() {
		String topic = this.topics.create("retention");
		List<OutboxEvent> deleted = IntStream.range(0, 30).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(deleted);
		try (RelayInstance relay = startRelay()) {
			await().atMost(TIMEOUT).until(() -> relay.published() == deleted.size());
		}
		assertThat(rowsOf(deleted)).as("rows left after publishing with the default retention").isZero();

		List<OutboxEvent> kept = IntStream.range(0, 30).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(kept);
		try (RelayInstance relay = startRelay("orderflow.relay.retention=1h")) {
			await().atMost(TIMEOUT).until(() -> relay.published() == kept.size());
		}
		assertThat(rowsOf(kept)).isEqualTo(kept.size());
		assertThat(this.database.unpublished()).isZero();
		assertThat(this.database.published()).isEqualTo(kept.size());
		try (TopicReader reader = this.topics.reader(topic)) {
			List<String> eventIds = new ArrayList<>();
			deleted.forEach((event) -> eventIds.add(event.eventId().toString()));
			kept.forEach((event) -> eventIds.add(event.eventId().toString()));
			assertThat(TopicReader.eventIds(reader.awaitEventIds(eventIds, TIMEOUT)))
				.containsExactlyInAnyOrderElementsOf(eventIds);
		}
	}

	private long rowsOf(List<OutboxEvent> events) {
		return this.database.jdbc()
			.sql("SELECT count(*) FROM outbox WHERE event_id = ANY(CAST(:ids AS uuid[]))")
			.param("ids", events.stream().map((event) -> event.eventId().toString()).toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private RelayInstance startRelay(String... properties) {
		return RelayInstance.start(this.database, this.topics.bootstrapServers(), properties);
	}

}
