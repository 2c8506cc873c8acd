package io.orderflow.relay.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * Reads every record of one topic, from the beginning, and keeps them in arrival order
 * (which, per key, is partition offset order).
 */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, Object> consumer;

	private final List<ConsumerRecord<String, Object>> records = new ArrayList<>();

	TopicReader(String topic, int partitions, Map<String, Object> config) {
		this.consumer = new KafkaConsumer<>(config);
		List<TopicPartition> assigned = IntStream.range(0, partitions)
			.mapToObj((partition) -> new TopicPartition(topic, partition))
			.toList();
		this.consumer.assign(assigned);
		this.consumer.seekToBeginning(assigned);
	}

	/**
	 * Polls once (up to 200 ms).
	 * @return every record read so far
	 */
	List<ConsumerRecord<String, Object>> poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
		return this.records;
	}

	/**
	 * Reads until every expected event id was seen.
	 * @param eventIds the expected event ids ({@code event_id} header)
	 * @param timeout longest wait
	 * @return every record read so far
	 */
	List<ConsumerRecord<String, Object>> awaitEventIds(Collection<String> eventIds, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> eventIds(poll()).containsAll(eventIds));
		return this.records;
	}

	static Set<String> eventIds(List<ConsumerRecord<String, Object>> records) {
		return records.stream().map((record) -> header(record, "event_id")).collect(Collectors.toSet());
	}

	/**
	 * @param records records in arrival order
	 * @return per key, the event ids in order of their first occurrence
	 */
	static Map<String, List<String>> firstOccurrencesByKey(List<ConsumerRecord<String, Object>> records) {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		for (ConsumerRecord<String, Object> record : records) {
			List<String> ids = byKey.computeIfAbsent(record.key(), (key) -> new ArrayList<>());
			String eventId = header(record, "event_id");
			if (!ids.contains(eventId)) {
				ids.add(eventId);
			}
		}
		return byKey;
	}

	static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
