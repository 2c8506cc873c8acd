package io.orderflow.payment.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.orderflow.schemas.Topics;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.ListenerAssignments;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.awaitility.Awaitility.await;

/**
 * Test fixture: the payment-service's StockReserved listener and its consumer group, seen
 * through the listener registry and the Kafka admin API.
 */
final class StockReservedConsumer implements AutoCloseable {

	private final KafkaListenerEndpointRegistry registry;

	private final String groupId;

	private final Admin admin = Admin
		.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()));

	StockReservedConsumer(KafkaListenerEndpointRegistry registry, String groupId) {
		this.registry = registry;
		this.groupId = groupId;
	}

	/**
	 * Waits until every consumer of the listener owns a partition and the group has a
	 * committed offset for every partition: records produced afterwards are consumed (the
	 * group starts at the log end) and no rebalance is pending.
	 */
	void awaitReady() {
		ListenerAssignments.await(this.registry);
		await().atMost(Duration.ofSeconds(30)).until(() -> everyConsumerAssigned() && committedOnEveryPartition());
	}

	void stop() {
		container().stop();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.admin.describeConsumerGroups(List.of(this.groupId))
				.describedGroups()
				.get(this.groupId)
				.get()
				.members()
				.isEmpty());
	}

	void start() {
		container().start();
		awaitReady();
	}

	/** Sets the group's committed offset, as if the consumer died before committing. */
	void rewind(TopicPartition partition, long offset) throws ExecutionException, InterruptedException {
		this.admin.alterConsumerGroupOffsets(this.groupId, Map.of(partition, new OffsetAndMetadata(offset)))
			.all()
			.get();
	}

	/** The next offset the group will read from a partition, -1 if none committed. */
	long committed(TopicPartition partition) throws ExecutionException, InterruptedException {
		OffsetAndMetadata committed = committedOffsets().get(partition);
		return (committed != null) ? committed.offset() : -1;
	}

	@Override
	public void close() {
		this.admin.close();
	}

	private MessageListenerContainer container() {
		MessageListenerContainer container = this.registry.getListenerContainer(StockReservedListener.ID);
		if (container == null) {
			throw new IllegalStateException("no listener " + StockReservedListener.ID);
		}
		return container;
	}

	private boolean everyConsumerAssigned() {
		MessageListenerContainer container = container();
		if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
			return concurrent.getContainers().stream().allMatch((child) -> assigned(child.getAssignedPartitions()));
		}
		return assigned(container.getAssignedPartitions());
	}

	private static boolean assigned(Collection<TopicPartition> partitions) {
		return partitions != null && !partitions.isEmpty();
	}

	private boolean committedOnEveryPartition() throws ExecutionException, InterruptedException {
		int partitions = this.admin.describeTopics(List.of(Topics.STOCK_RESERVED))
			.allTopicNames()
			.get()
			.get(Topics.STOCK_RESERVED)
			.partitions()
			.size();
		return committedOffsets().entrySet()
			.stream()
			.filter((entry) -> entry.getKey().topic().equals(Topics.STOCK_RESERVED) && entry.getValue() != null)
			.count() == partitions;
	}

	private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws ExecutionException, InterruptedException {
		return this.admin.listConsumerGroupOffsets(this.groupId).partitionsToOffsetAndMetadata().get();
	}

}
