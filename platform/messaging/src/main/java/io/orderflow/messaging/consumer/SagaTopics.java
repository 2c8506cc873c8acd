package io.orderflow.messaging.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * The saga's topics as the suite declares them: every saga topic and its dead-letter
 * topic, with the same partition count (a dead letter keeps its partition), the
 * dead-letter topics keeping their records for the dead-letter retention. Declared by the
 * services at startup on open brokers, and by the Kafka setup on secured ones.
 */
public final class SagaTopics {

	/** Partitions of every saga topic unless configured otherwise. */
	public static final int DEFAULT_PARTITIONS = 3;

	/** How long a dead-letter topic keeps its records unless configured otherwise. */
	public static final String DEFAULT_DEAD_LETTER_RETENTION = "28d";

	private SagaTopics() {
	}

	/**
	 * @param partitions partitions of each topic
	 * @param replicas replication factor
	 * @param deadLetterRetention retention of the dead-letter topics
	 * @return every saga topic, each followed by its dead-letter topic
	 */
	public static List<NewTopic> declarations(int partitions, short replicas, Duration deadLetterRetention) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
			topics.add(TopicBuilder.name(Topics.deadLetter(topic))
				.partitions(partitions)
				.replicas(replicas)
				.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(deadLetterRetention.toMillis()))
				.build());
		}
		return topics;
	}

}
