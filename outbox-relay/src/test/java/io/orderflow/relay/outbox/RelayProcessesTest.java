package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.orderflow.testsupport.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Relay instances as processes of their own, started, stopped, killed and frozen while
 * services append: every row is published, each aggregate's events stay in order, and
 * events are sent twice only after a kill or a freeze, at most what the victim had in
 * flight.
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class RelayProcessesTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final int BATCH_SIZE = 100;

	// a batch stays in flight while the next is claimed: two batches at most
	private static final int IN_FLIGHT = 2 * BATCH_SIZE;

	private static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(3);

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

	@BeforeEach
	void emptyOutbox() {
		this.database.emptyWithDefaultLanes();
	}

	@Test
	void threeInstancesStartedStoppedAndKilledWhileAThousandOrdersAppendTenEventsEach() throws Exception {
		String topic = this.topics.create("processes");
		try (RelayProcess a = start("a"); RelayProcess b = start("b"); RelayProcess c = start("c")) {
			await().atMost(TIMEOUT)
				.until(() -> a.ownedLanes() + b.ownedLanes() + c.ownedLanes() == 16
						&& Math.min(a.ownedLanes(), Math.min(b.ownedLanes(), c.ownedLanes())) == 5);
			try (AggregateStreams streams = new AggregateStreams(this.database, topic, 1_000, 10, 4)) {
				await().atMost(TIMEOUT).until(() -> streams.appended() >= 2_000);
				b.stop();
				await().atMost(TIMEOUT).until(() -> streams.appended() >= 4_000);
				try (RelayProcess d = start("d")) {
					await().atMost(TIMEOUT).until(() -> streams.appended() >= 6_000);
					c.kill();
					await().atMost(TIMEOUT).until(() -> a.ownedLanes() == 8 && d.ownedLanes() == 8);
					streams.awaitAppended();
					await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
				}
				try (TopicReader reader = this.topics.reader(topic)) {
					List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(streams.eventIds(), TIMEOUT);
					int duplicates = streams.assertCompleteAndInOrder(records);
					System.out.printf("[relay processes] 10,000 events, 1 stop, 1 start, 1 kill: %d duplicates%n",
							duplicates);
					assertThat(duplicates).as("sent again after the kill: what the killed instance had in flight")
						.isLessThanOrEqualTo(IN_FLIGHT);
				}
			}
		}
	}

	@Test
	void aFrozenOwnerIsReplacedAndDoesNoHarmWhenItWakes() throws Exception {
		String topic = this.topics.create("frozen");
		try (RelayProcess a = start("frozen-a"); RelayProcess b = start("frozen-b")) {
			await().atMost(TIMEOUT).until(() -> a.ownedLanes() == 8 && b.ownedLanes() == 8);
			try (AggregateStreams streams = new AggregateStreams(this.database, topic, 300, 10, 2)) {
				await().atMost(TIMEOUT).until(() -> streams.appended() >= 500);
				a.freeze();
				long frozen = System.nanoTime();
				// within the member timeout, a heartbeat and a look at the lanes
				await().atMost(MEMBER_TIMEOUT.multipliedBy(10)).until(() -> b.ownedLanes() == 16);
				System.out.printf("[relay processes] lanes of the frozen instance taken over after %d ms%n",
						(System.nanoTime() - frozen) / 1_000_000);
				streams.awaitAppended();
				await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);

				a.resume();
				await().atMost(TIMEOUT).until(() -> a.ownedLanes() == 8 && b.ownedLanes() == 8);
				try (AggregateStreams after = new AggregateStreams(this.database, topic, 100, 5, 2)) {
					after.awaitAppended();
					await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
					try (TopicReader reader = this.topics.reader(topic)) {
						List<ConsumerRecord<String, Object>> records = reader.awaitEventIds(
								Stream.concat(streams.eventIds().stream(), after.eventIds().stream()).toList(),
								TIMEOUT);
						int duplicates = streams.assertCompleteAndInOrder(records)
								+ after.assertCompleteAndInOrder(records);
						System.out.printf("[relay processes] 3,500 events, 1 freeze: %d duplicates%n", duplicates);
						assertThat(duplicates).as("sent again after the freeze").isLessThanOrEqualTo(IN_FLIGHT);
					}
				}
			}
		}
	}

	private RelayProcess start(String name) {
		return RelayProcess.start(name, this.database, this.topics.bootstrapServers(),
				"orderflow.relay.batch-size=" + BATCH_SIZE,
				"orderflow.relay.member-timeout=" + MEMBER_TIMEOUT.toMillis() + "ms");
	}

}
