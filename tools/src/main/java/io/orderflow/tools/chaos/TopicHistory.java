package io.orderflow.tools.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderflow.tools.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What one topic holds since the run started, by key: the event ids (the relay's
 * {@code event_id} header) in offset order, and how many records came more than once (the
 * same event id again: at-least-once delivery, which consumers deduplicate).
 *
 * @param topic the topic
 * @param records records read
 * @param eventsByKey distinct event ids per key, in order of first occurrence
 * @param redelivered records whose event id had come before
 */
record TopicHistory(String topic, int records, Map<String, List<String>> eventsByKey, int redelivered) {

	private static final Duration POLL = Duration.ofMillis(500);

	static TopicHistory read(String bootstrapServers, String topic, long sinceEpochMillis) {
		Map<String, Object> config = KafkaClients.config(bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		Map<String, Set<String>> events = new HashMap<>();
		int records = 0;
		int redelivered = 0;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> since = new HashMap<>();
			partitions.forEach((partition) -> since.put(partition, sinceEpochMillis));
			Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(since, Duration.ofSeconds(15));
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp offset = start.get(partition);
				consumer.seek(partition, (offset != null) ? offset.offset() : end.get(partition));
			}
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					if (record.offset() >= end.get(new TopicPartition(topic, record.partition()))) {
						continue;
					}
					records++;
					Header eventId = record.headers().lastHeader("event_id");
					String event = (eventId != null) ? new String(eventId.value(), StandardCharsets.UTF_8)
							: record.topic() + "@" + record.partition() + ":" + record.offset();
					if (!events.computeIfAbsent(String.valueOf(record.key()), (key) -> new LinkedHashSet<>())
						.add(event)) {
						redelivered++;
					}
				}
			}
		}
		Map<String, List<String>> byKey = new HashMap<>();
		events.forEach((key, ids) -> byKey.put(key, new ArrayList<>(ids)));
		return new TopicHistory(topic, records, byKey, redelivered);
	}

}
