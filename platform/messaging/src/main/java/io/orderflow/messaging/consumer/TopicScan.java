package io.orderflow.messaging.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a whole topic outside any consumer group: every partition, from the log start to
 * the end it has when the scan begins (records appended meanwhile may or may not be
 * read). For tools and tests, never for a service's listeners.
 */
public final class TopicScan {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(500);

	private TopicScan() {
	}

	/**
	 * @param consumer a consumer
	 * @param topic a topic that exists
	 * @return every partition of the topic
	 */
	public static List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			String topic) {
		return consumer.partitionsFor(topic, TIMEOUT)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
	}

	/**
	 * Assigns the consumer every partition of the topic and hands each record to the
	 * sink, in offset order per partition.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param consumer a consumer of no group, or of a group whose offsets are not used
	 * @param topic a topic that exists
	 * @param sink takes the records
	 */
	public static <K, V> void fromBeginning(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, String topic,
			Consumer<? super ConsumerRecord<K, V>> sink) {
		List<TopicPartition> partitions = partitions(consumer, topic);
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
			consumer.poll(POLL).forEach(sink);
		}
	}

}
