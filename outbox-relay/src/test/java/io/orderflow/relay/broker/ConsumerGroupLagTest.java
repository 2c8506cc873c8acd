package io.orderflow.relay.broker;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.relay.OutboxRelayApplication;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.RealInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay reports consumer-group lag as the broker sees it, also for a group none of
 * whose consumers runs, and the size of every dead-letter topic.
 */
@SpringBootTest(classes = OutboxRelayApplication.class, properties = { "orderflow.relay.sources[0].name=test",
		"orderflow.relay.sources[0].url=${spring.datasource.url}",
		"orderflow.relay.sources[0].username=${spring.datasource.username}",
		"orderflow.relay.sources[0].password=${spring.datasource.password}", "orderflow.relay.lag-interval=200ms",
		"spring.autoconfigure.exclude=io.orderflow.messaging.config.MessagingAutoConfiguration" })
@RealInfrastructure
class ConsumerGroupLagTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void reportsTheLagOfAGroupWhoseConsumersAreDown() throws Exception {
		String topic = "lag-test-" + UUID.randomUUID();
		String group = "stopped-consumers-" + UUID.randomUUID();
		// 7 records on partition 0, 3 on partition 1
		createAndFill(topic, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
		// the group consumed 2 records of partition 0 and none of partition 1, then all
		// its
		// consumers stopped
		try (Admin admin = admin()) {
			admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
				.all()
				.get();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(lag(group, topic, 0)).isEqualTo(5.0);
			assertThat(lag(group, topic, 1)).isEqualTo(3.0);
		});
	}

	@Test
	void reportsHowManyRecordsEachDeadLetterTopicHolds() throws Exception {
		String topic = "lag-test-" + UUID.randomUUID() + ".dlt";
		createAndFill(topic, 0, 1, 1);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.meters.find("orderflow.dead.letter.topic.records").tags("topic", topic).gauge())
				.isNotNull()
				.satisfies((gauge) -> assertThat(gauge.value()).isEqualTo(3.0)));
	}

	/**
	 * Creates a topic of two partitions and writes one record per partition number given.
	 */
	private static void createAndFill(String topic, int... partitions) throws Exception {
		try (Admin admin = admin();
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			admin.createTopics(java.util.List.of(new NewTopic(topic, 2, (short) 1))).all().get();
			for (int partition : partitions) {
				producer.send(new ProducerRecord<>(topic, partition, "k", "v")).get();
			}
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));
	}

	private double lag(String group, String topic, int partition) {
		var gauge = this.meters.find("kafka.consumergroup.lag")
			.tags("consumergroup", group, "topic", topic, "partition", Integer.toString(partition))
			.gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

}
