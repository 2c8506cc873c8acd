package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pitfall of rows marked sent although the send failed: while the broker cannot be
 * reached, nothing may be marked published.
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class BrokerOutageTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private OutboxDatabase database;

	@Autowired
	private KafkaTopics topics;

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
			assertThat(relay.isLeader()).isTrue();

			broker.start();
			await().atMost(TIMEOUT).until(() -> this.database.unpublished() == 0);
			assertThat(relay.published()).isEqualTo(events.size());
		}
		try (TopicReader reader = this.topics.reader(topic)) {
			List<String> eventIds = events.stream().map((event) -> event.eventId().toString()).toList();
			assertThat(TopicReader.eventIds(reader.awaitEventIds(eventIds, TIMEOUT))).containsAll(eventIds);
		}
	}

}
