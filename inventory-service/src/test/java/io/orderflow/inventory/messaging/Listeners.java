package io.orderflow.inventory.messaging;

import java.time.Duration;
import java.util.Collection;

import io.orderflow.testsupport.ListenerAssignments;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.awaitility.Awaitility.await;

/**
 * Waits until the listeners own every partition of their topics: with one consumer per
 * partition (concurrency 3), "some partition assigned" is not enough, a record produced
 * to a partition nobody owns yet would be skipped by a group that starts at the log end.
 */
final class Listeners {

	static final int PARTITIONS = 3;

	private Listeners() {
	}

	static void awaitAllPartitions(KafkaListenerEndpointRegistry registry) {
		ListenerAssignments.await(registry);
		for (MessageListenerContainer container : registry.getListenerContainers()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> assigned(container) == PARTITIONS);
		}
	}

	private static long assigned(MessageListenerContainer container) {
		Collection<TopicPartition> partitions = container.getAssignedPartitions();
		return (partitions != null) ? partitions.stream().distinct().count() : 0;
	}

}
