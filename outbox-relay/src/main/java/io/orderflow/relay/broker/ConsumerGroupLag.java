package io.orderflow.relay.broker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer-group lag as the broker sees it, for every group and partition: log-end offset
 * minus the group's committed offset, read with the admin client. It is exported as
 * {@code kafka_consumergroup_lag} (the name the Kafka lag exporters use) with tags
 * {@code consumergroup}, {@code topic} and {@code partition}, and keeps being reported
 * while the group's consumers are down, which is when it matters most.
 * <p>
 * A group's topics are those it has committed offsets on. Every partition of such a topic
 * is reported, also one the group never committed on: its lag counts from the log start,
 * which is where our consumers begin ({@code auto-offset-reset: earliest}). Otherwise a
 * partition whose records nobody has consumed yet (the group's consumers died first)
 * would be missing instead of lagging.
 */
final class ConsumerGroupLag {

	private ConsumerGroupLag() {
	}

	/**
	 * @param offsets the broker's offsets
	 * @return one row per group and partition of the topics it committed on
	 */
	static List<MultiGauge.Row<?>> measure(BrokerOffsets offsets)
			throws ExecutionException, InterruptedException, TimeoutException {
		Map<String, Map<TopicPartition, Long>> committed = offsets.committed();
		Set<String> topics = new HashSet<>();
		committed.values().forEach((group) -> group.keySet().forEach((tp) -> topics.add(tp.topic())));
		Map<String, Integer> partitions = offsets.partitionCounts(topics);
		Set<TopicPartition> all = BrokerOffsets.partitions(partitions);
		// log-start offsets only where a group lags from there: a partition of its topics
		// it never committed on
		Set<TopicPartition> uncommitted = new HashSet<>();
		committed.values().forEach((group) -> {
			Set<String> groupTopics = new HashSet<>();
			group.keySet().forEach((tp) -> groupTopics.add(tp.topic()));
			all.stream()
				.filter((tp) -> groupTopics.contains(tp.topic()) && !group.containsKey(tp))
				.forEach(uncommitted::add);
		});
		return rows(committed, partitions, offsets.offsets(uncommitted, OffsetSpec.earliest()),
				offsets.offsets(all, OffsetSpec.latest()));
	}

	/**
	 * @param committed per group, its committed offset per partition
	 * @param partitions the partition count of every topic any group committed on (a
	 * topic that no longer exists is absent)
	 * @param starts the log-start offset of (at least) every partition a group did not
	 * commit on
	 * @param ends the log-end offset of every partition
	 * @return one row per group and partition of the topics it committed on
	 */
	static List<MultiGauge.Row<?>> rows(Map<String, Map<TopicPartition, Long>> committed,
			Map<String, Integer> partitions, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		committed.forEach((group, offsets) -> {
			Set<String> topics = new TreeSet<>();
			offsets.keySet().forEach((tp) -> topics.add(tp.topic()));
			for (String topic : topics) {
				for (int p = 0; p < partitions.getOrDefault(topic, 0); p++) {
					TopicPartition partition = new TopicPartition(topic, p);
					Long end = ends.get(partition);
					Long from = offsets.getOrDefault(partition, starts.get(partition));
					if (end != null && from != null) {
						rows.add(MultiGauge.Row.of(
								Tags.of("consumergroup", group, "topic", topic, "partition", Integer.toString(p)),
								Math.max(0, end - from)));
					}
				}
			}
		});
		return rows;
	}

}
