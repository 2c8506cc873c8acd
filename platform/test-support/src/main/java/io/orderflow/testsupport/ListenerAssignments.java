package io.orderflow.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The one "listeners are ready" wait of the suite: returns once every running listener
 * container owns <em>every</em> partition of its topics and each of its consumers has its
 * share (no rebalance pending). A test consumer group starts at the log end, so a record
 * produced to a partition nobody owns yet would never be seen; after this wait, every
 * record produced is consumed.
 */
public final class ListenerAssignments {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Partitions per topic of the JVM's broker: asked once per topic, not on every wait.
	 */
	private static final Map<String, Integer> PARTITIONS = new ConcurrentHashMap<>();

	private ListenerAssignments() {
	}

	/**
	 * Blocks until the listeners of a context own all partitions of their topics.
	 * @param registry the context's listener registry
	 * @throws IllegalStateException when they do not within 30 seconds
	 */
	public static void await(KafkaListenerEndpointRegistry registry) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		for (MessageListenerContainer container : registry.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			List<String> names = (topics != null) ? Arrays.asList(topics) : List.of();
			Map<String, Integer> partitions = partitions(names);
			while (container.isRunning() && !ready(container, names, partitions)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"listener " + container.getListenerId() + " does not own every partition of " + names
									+ " within " + TIMEOUT + ": " + container.getAssignedPartitions());
				}
				LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
		}
	}

	private static Map<String, Integer> partitions(List<String> topics) {
		List<String> unknown = topics.stream().filter((topic) -> !PARTITIONS.containsKey(topic)).toList();
		if (!unknown.isEmpty()) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
				unknown.forEach((topic) -> PARTITIONS.put(topic, partitionCount(admin, topic)));
			}
		}
		return PARTITIONS;
	}

	private static boolean ready(MessageListenerContainer container, List<String> topics,
			Map<String, Integer> partitions) {
		Set<TopicPartition> expected = new HashSet<>();
		topics.forEach((topic) -> {
			for (int partition = 0; partition < partitions.get(topic); partition++) {
				expected.add(new TopicPartition(topic, partition));
			}
		});
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		if (assigned == null || !new HashSet<>(assigned).equals(expected)) {
			return false;
		}
		if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
			List<? extends MessageListenerContainer> consumers = concurrent.getContainers();
			// with more consumers than partitions, the surplus ones stay idle
			long owning = consumers.stream()
				.filter((consumer) -> consumer.getAssignedPartitions() != null
						&& !consumer.getAssignedPartitions().isEmpty())
				.count();
			return owning == Math.min(consumers.size(), expected.size());
		}
		return true;
	}

	private static int partitionCount(Admin admin, String topic) {
		try {
			TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
			return description.partitions().size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("cannot describe topic " + topic, ex.getCause());
		}
	}

}
