package io.orderflow.tools.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records the services' consumer groups have still to process, as the broker sees it
 * (the sum over the groups of order, inventory and payment and their partitions of log
 * end offset minus committed offset): the bench starts a step only once the stack has
 * caught up with what came before, not only once no order is pending (the stock sold
 * after each confirmation, for one, is not on an order's path but competes with the next
 * step's orders).
 */
final class ConsumerLag implements AutoCloseable {

	/** The services' consumer groups (each service's group id is its name). */
	static final List<String> GROUPS = List.of("order-service", "inventory-service", "payment-service");

	private final Admin admin;

	ConsumerLag(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
	}

	/**
	 * @return the records not yet consumed, summed over the services' groups
	 */
	long total() throws InterruptedException {
		try {
			long lag = 0;
			for (String group : GROUPS) {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				if (committed.isEmpty()) {
					continue;
				}
				Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin
					.listOffsets(committed.keySet()
						.stream()
						.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest())))
					.all()
					.get();
				for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
					ListOffsetsResultInfo end = ends.get(entry.getKey());
					if (end != null && entry.getValue() != null) {
						lag += Math.max(0, end.offset() - entry.getValue().offset());
					}
				}
			}
			return lag;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot read the consumer groups' lag: " + ex.getCause(), ex.getCause());
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
