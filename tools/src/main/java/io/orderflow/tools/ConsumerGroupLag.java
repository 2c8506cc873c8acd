package io.orderflow.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What each consumer group has still to read, as the admin client sees it: per partition
 * the group's committed offset, the log end offset and the member that holds it, and per
 * group its state, members and total lag. A partition the group holds but never committed
 * counts from the log start, as the group would read it from there
 * ({@code auto.offset.reset=earliest}, as every service of the suite sets it).
 */
final class ConsumerGroupLag {

	private static final long TIMEOUT_SECONDS = 30;

	private final Admin admin;

	ConsumerGroupLag(Admin admin) {
		this.admin = admin;
	}

	/**
	 * @param only the group to report, empty for every consumer group
	 * @return the groups, by name
	 */
	List<Group> groups(Optional<String> only) throws InterruptedException {
		List<String> names = only.isPresent() ? List.of(only.get()) : consumerGroups();
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, ConsumerGroupDescription> descriptions = get(this.admin.describeConsumerGroups(names).all());
		List<Group> groups = new ArrayList<>();
		for (String name : names) {
			groups.add(group(descriptions.get(name)));
		}
		return groups;
	}

	private List<String> consumerGroups() throws InterruptedException {
		Collection<GroupListing> listings = get(this.admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
		return listings.stream().map(GroupListing::groupId).sorted().toList();
	}

	private Group group(ConsumerGroupDescription description) throws InterruptedException {
		String name = description.groupId();
		Map<TopicPartition, String> holders = new HashMap<>();
		for (MemberDescription member : description.members()) {
			for (TopicPartition partition : member.assignment().topicPartitions()) {
				holders.put(partition, member.clientId());
			}
		}
		Map<TopicPartition, Long> committed = new HashMap<>();
		get(this.admin.listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
			if (offset != null) {
				committed.put(partition, offset.offset());
			}
		});
		List<TopicPartition> partitions = new ArrayList<>(committed.keySet());
		holders.keySet().stream().filter((partition) -> !committed.containsKey(partition)).forEach(partitions::add);
		Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
		List<TopicPartition> neverCommitted = partitions.stream()
			.filter((partition) -> !committed.containsKey(partition))
			.toList();
		Map<TopicPartition, Long> starts = offsets(neverCommitted, OffsetSpec.earliest());
		List<PartitionLag> rows = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			long end = ends.getOrDefault(partition, 0L);
			Long position = committed.get(partition);
			long from = (position != null) ? position : starts.getOrDefault(partition, 0L);
			rows.add(new PartitionLag(partition.topic(), partition.partition(), position, end, Math.max(0, end - from),
					holders.get(partition)));
		}
		rows.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
		return new Group(name, description.groupState().toString(), description.members().size(),
				rows.stream().mapToLong(PartitionLag::lag).sum(), rows);
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws InterruptedException {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, ListOffsetsResultInfo> infos = get(this.admin.listOffsets(request).all());
		Map<TopicPartition, Long> offsets = new HashMap<>();
		infos.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
		try {
			return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the brokers did not answer within " + TIMEOUT_SECONDS + " s", ex);
		}
	}

	/**
	 * One consumer group.
	 *
	 * @param group its id
	 * @param state its state ({@code Stable}, {@code Empty}, ...)
	 * @param members how many consumers it has
	 * @param lag the records it has still to read, over its partitions
	 * @param partitions its partitions, by topic and partition
	 */
	record Group(String group, String state, int members, long lag, List<PartitionLag> partitions) {

	}

	/**
	 * One partition of a group.
	 *
	 * @param topic the topic
	 * @param partition the partition
	 * @param committed the group's committed offset, {@code null} when it never committed
	 * one
	 * @param end the log end offset
	 * @param lag the records between the two
	 * @param member the client id of the consumer that holds the partition, {@code null}
	 * when none does
	 */
	record PartitionLag(String topic, int partition, Long committed, long end, long lag, String member) {

	}

}
