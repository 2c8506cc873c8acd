package io.orderflow.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker per test JVM: Apache Kafka's own KRaft broker (controller and
 * broker in one node), started on first use from spring-kafka-test and stopped when the
 * JVM exits. {@code TEST_KAFKA_BOOTSTRAP} points the tests at an external broker instead.
 */
public final class KafkaBroker {

	private static final Once<String> BOOTSTRAP_SERVERS = new Once<>(KafkaBroker::start);

	private KafkaBroker() {
	}

	/**
	 * @return {@code host:port} of the broker, started on first call
	 */
	public static String bootstrapServers() {
		return BOOTSTRAP_SERVERS.get();
	}

	private static String start() {
		String external = System.getenv("TEST_KAFKA_BOOTSTRAP");
		if (external != null && !external.isBlank()) {
			return external;
		}
		long started = System.nanoTime();
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperties(Map.of("num.partitions", "3", "group.initial.rebalance.delay.ms", "0",
				"auto.create.topics.enable", "true", "log.retention.check.interval.ms", "600000"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-broker-shutdown"));
		System.out.printf("[test-support] Kafka KRaft broker %s started in %d ms%n", broker.getBrokersAsString(),
				(System.nanoTime() - started) / 1_000_000);
		return broker.getBrokersAsString();
	}

}
