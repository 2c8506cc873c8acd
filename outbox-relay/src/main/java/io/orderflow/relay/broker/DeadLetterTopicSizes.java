package io.orderflow.relay.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each dead-letter topic ({@code *.dlt}) holds, as the broker sees it
 * (log-end minus log-start offset, summed over its partitions), exported as
 * {@code orderflow_dead_letter_topic_records{topic}}. Unlike the services' own counters
 * it survives their restarts and counts what any producer dead-lettered; a replay does
 * not lower it (dead letters stay until retention removes them).
 */
final class DeadLetterTopicSizes {

	private static final String SUFFIX = ".dlt";

	private DeadLetterTopicSizes() {
	}

	/**
	 * @param offsets the broker's offsets
	 * @return one row per dead-letter topic
	 */
	static List<MultiGauge.Row<?>> measure(BrokerOffsets offsets)
			throws ExecutionException, InterruptedException, TimeoutException {
		List<String> topics = offsets.topics().stream().filter((name) -> name.endsWith(SUFFIX)).toList();
		Set<TopicPartition> partitions = BrokerOffsets.partitions(offsets.partitionCounts(topics));
		Map<TopicPartition, Long> starts = offsets.offsets(partitions, OffsetSpec.earliest());
		Map<String, Long> sizes = new HashMap<>();
		topics.forEach((topic) -> sizes.put(topic, 0L));
		offsets.offsets(partitions, OffsetSpec.latest())
			.forEach((tp, end) -> sizes.merge(tp.topic(), Math.max(0, end - starts.getOrDefault(tp, end)), Long::sum));
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		sizes.forEach((topic, size) -> rows.add(MultiGauge.Row.of(Tags.of("topic", topic), size)));
		return rows;
	}

}
