package io.orderflow.testsupport;

import java.time.Duration;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Waits until the listener containers of a context own their partitions, so that records
 * produced afterwards are consumed even though the test's consumer group starts at the
 * log end.
 */
public final class ListenerAssignments {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private ListenerAssignments() {
	}

	/**
	 * Blocks until every running listener container has been assigned at least one
	 * partition of each of its topics (all partitions, with a single consumer per group).
	 * @param registry the context's listener registry
	 */
	public static void await(KafkaListenerEndpointRegistry registry) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		for (MessageListenerContainer container : registry.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			while (!assigned(container, topics)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("listener " + container.getListenerId()
							+ " got no partitions within " + TIMEOUT + ": " + container.getAssignedPartitions());
				}
				java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
		}
	}

	private static boolean assigned(MessageListenerContainer container, String[] topics) {
		if (!container.isRunning()) {
			return true;
		}
		var partitions = container.getAssignedPartitions();
		if (partitions == null || partitions.isEmpty()) {
			return false;
		}
		if (topics == null) {
			return true;
		}
		for (String topic : topics) {
			if (partitions.stream().noneMatch((partition) -> partition.topic().equals(topic))) {
				return false;
			}
		}
		return true;
	}

}
