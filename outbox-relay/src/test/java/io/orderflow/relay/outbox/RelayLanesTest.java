package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.relay.config.RelayProperties;
import io.orderflow.testsupport.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Lanes: the database assigns them, several relay instances share them and hand them
 * over, and the lane count changes online; relay instances as application contexts
 * against one source database and the real broker.
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class RelayLanesTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

	@BeforeEach
	void emptyOutbox() {
		this.database.emptyWithDefaultLanes();
	}

	@Test
	void theDatabaseStoresEachRowInTheLaneOfItsAggregateAsTheRelayComputesIt() {
		String topic = this.topics.create("lane-of");
		List<OutboxEvent> events = IntStream.range(0, 500).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(events);
		Map<String, Integer> lanes = lanesByAggregate();
		assertThat(lanes).hasSize(events.size());
		lanes.forEach((aggregate, lane) -> assertThat(lane).as(aggregate).isEqualTo(Lanes.laneOf(aggregate, 16)));
		assertThat(lanes.values()).as("500 aggregates over 16 lanes")
			.containsAll(IntStream.range(0, 16).boxed().toList());
	}

	@Test
	void changingTheLaneCountMovesTheUnpublishedRowsAndRaisesTheEpoch() {
		String topic = this.topics.create("set-lanes");
		List<OutboxEvent> events = IntStream.range(0, 200).mapToObj((i) -> Events.orderPlaced(topic)).toList();
		this.database.append(events);
		int epoch = epoch();

		assertThat(this.database.jdbc().sql("SELECT outbox_set_lanes(5)").query(Integer.class).single()).isEqualTo(200);
		assertThat(epoch()).isEqualTo(epoch + 1);
		lanesByAggregate().forEach((aggregate, lane) -> assertThat(lane).isEqualTo(Lanes.laneOf(aggregate, 5)));
		this.database.append(List.of(Events.orderPlaced(topic)));
		assertThat(lanesByAggregate().values()).allMatch((lane) -> lane < 5);

		assertThat(this.database.jdbc().sql("SELECT outbox_set_lanes(5)").query(Integer.class).single())
			.as("the same count again changes nothing")
			.isZero();
		assertThat(epoch()).isEqualTo(epoch + 1);
		for (int wrong : new int[] { 0, 1025 }) {
			assertThatExceptionOfType(UncategorizedSQLException.class)
				.isThrownBy(
						() -> this.database.jdbc().sql("SELECT outbox_set_lanes(" + wrong + ")").query().listOfRows())
				.withMessageContaining("is not between 1 and 1024");
		}
	}

	@Test
	void threeInstancesShareTheLanesEvenlyAndTheRestTakeOverWhenTwoStop() throws Exception {
		String topic = this.topics.create("three");
		RelayInstance first = startRelay();
		RelayInstance second = startRelay();
		RelayInstance third = startRelay();
		try (AggregateStreams streams = new AggregateStreams(this.database, topic, 200, 10, 4)) {
			await().atMost(TIMEOUT)
				.until(() -> List.of(first.ownedLanes(), second.ownedLanes(), third.ownedLanes())
					.stream()
					.sorted()
					.toList()
					.equals(List.of(5, 5, 6)));
			await().atMost(TIMEOUT).until(() -> streams.appended() > 600);
			assertThat(List.of(first, second, third)).allMatch((relay) -> relay.published() > 0);
			second.close();
			await().atMost(TIMEOUT).until(() -> first.ownedLanes() == 8 && third.ownedLanes() == 8);
			third.close();
			await().atMost(TIMEOUT).until(() -> first.ownedLanes() == 16);
			streams.awaitAppended();
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
			try (TopicReader reader = this.topics.reader(topic)) {
				List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(streams.eventIds(), TIMEOUT);
				assertThat(streams.assertCompleteAndInOrder(records)).as("duplicates after graceful handovers")
					.isZero();
			}
		}
		finally {
			first.close();
			second.close();
			third.close();
		}
	}

	@Test
	void theLaneCountChangesWhileTwoInstancesPublishWithoutReorderingOrDuplicatingAnEvent() throws Exception {
		String topic = this.topics.create("relane");
		// small batches: rows of the old division are in flight when the count changes
		RelayInstance first = startRelay("orderflow.relay.batch-size=20");
		RelayInstance second = startRelay("orderflow.relay.batch-size=20");
		try (AggregateStreams streams = new AggregateStreams(this.database, topic, 100, 20, 4)) {
			await().atMost(TIMEOUT).until(() -> first.ownedLanes() == 8 && second.ownedLanes() == 8);
			await().atMost(TIMEOUT).until(() -> streams.appended() > 500);
			this.database.jdbc().sql("SELECT outbox_set_lanes(6)").query(Integer.class).single();
			await().atMost(TIMEOUT)
				.until(() -> first.laneCount() == 6 && first.ownedLanes() == 3 && second.ownedLanes() == 3);
			streams.awaitAppended();
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
			try (TopicReader reader = this.topics.reader(topic)) {
				List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(streams.eventIds(), TIMEOUT);
				assertThat(streams.assertCompleteAndInOrder(records)).as("duplicates across the change").isZero();
			}
		}
		finally {
			first.close();
			second.close();
		}
	}

	@Test
	void takesNoLaneWhileARelayOfTheFormerKindHoldsTheLeaderLock() throws Exception {
		String topic = this.topics.create("legacy");
		RelayProperties.Source source = this.database.source();
		try (Connection legacy = DriverManager.getConnection(source.url(), source.username(), source.password())) {
			try (PreparedStatement statement = legacy.prepareStatement("SELECT pg_advisory_lock(?)")) {
				statement.setLong(1, Lanes.LEGACY_LEADER_LOCK);
				statement.execute();
			}
			try (RelayInstance relay = startRelay()) {
				this.database.append(List.of(Events.orderPlaced(topic)));
				await().pollDelay(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> relay.laneCount() == 16);
				assertThat(relay.ownedLanes()).isZero();
				assertThat(this.database.unpublished()).isOne();
				legacy.close();
				await().atMost(TIMEOUT).until(() -> relay.ownedLanes() == 16 && this.database.unpublished() == 0);
			}
		}
	}

	private Map<String, Integer> lanesByAggregate() {
		return this.database.jdbc()
			.sql("SELECT aggregate_id, lane FROM outbox WHERE published_at IS NULL")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	private int epoch() {
		return this.database.jdbc().sql("SELECT epoch FROM outbox_lanes").query(Integer.class).single();
	}

	private RelayInstance startRelay(String... properties) {
		return RelayInstance.start(this.database, this.topics.bootstrapServers(), properties);
	}

}
