package io.orderflow.relay.broker;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The admin-client questions the broker-view metrics ask, each bounded by the same
 * timeout: committed offsets per group, partition counts, log-start and log-end offsets.
 */
final class BrokerOffsets {

	private static final long TIMEOUT_SECONDS = 10;

	private final Admin admin;

	BrokerOffsets(Admin admin) {
		this.admin = admin;
	}

	/**
	 * @return per consumer group, its committed offset per partition
	 */
	Map<String, Map<TopicPartition, Long>> committed()
			throws ExecutionException, InterruptedException, TimeoutException {
		Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
		for (ConsumerGroupListing group : get(this.admin.listConsumerGroups().all())) {
			Map<TopicPartition, Long> offsets = new HashMap<>();
			get(this.admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata())
				.forEach((partition, offset) -> {
					if (offset != null) {
						offsets.put(partition, offset.offset());
					}
				});
			committed.put(group.groupId(), offsets);
		}
		return committed;
	}

	/**
	 * @return the names of all topics
	 */
	Set<String> topics() throws ExecutionException, InterruptedException, TimeoutException {
		return get(this.admin.listTopics().names());
	}

	/**
	 * @param topics topic names
	 * @return the partition count of each topic that exists (deleted ones are left out)
	 */
	Map<String, Integer> partitionCounts(Collection<String> topics) throws InterruptedException, TimeoutException {
		Map<String, Integer> counts = new HashMap<>();
		if (topics.isEmpty()) {
			return counts;
		}
		for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : this.admin.describeTopics(topics)
			.topicNameValues()
			.entrySet()) {
			try {
				counts.put(topic.getKey(), get(topic.getValue()).partitions().size());
			}
			catch (ExecutionException ex) {
				// deleted meanwhile: nothing to report
			}
		}
		return counts;
	}

	/**
	 * @param spec {@link OffsetSpec#earliest()} or {@link OffsetSpec#latest()}
	 * @return the offset of each partition
	 */
	Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
			throws ExecutionException, InterruptedException, TimeoutException {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		get(this.admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	/**
	 * @param counts partition count per topic
	 * @return every partition of those topics
	 */
	static Set<TopicPartition> partitions(Map<String, Integer> counts) {
		Set<TopicPartition> partitions = new HashSet<>();
		counts.forEach((topic, count) -> {
			for (int p = 0; p < count; p++) {
				partitions.add(new TopicPartition(topic, p));
			}
		});
		return partitions;
	}

	private static <T> T get(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
		return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

}
