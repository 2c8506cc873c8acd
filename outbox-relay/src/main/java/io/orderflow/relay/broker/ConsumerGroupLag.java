package io.orderflow.relay.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Consumer-group lag as the broker sees it, for every group and partition: log-end offset
 * minus the group's committed offset, read with the admin client. It is exported as
 * {@code kafka_consumergroup_lag} (the name the Kafka lag exporters use) with tags
 * {@code consumergroup}, {@code topic} and {@code partition}, and keeps being reported
 * while the group's consumers are down, which is when it matters most.
 */
class ConsumerGroupLag {

	private static final Logger logger = LoggerFactory.getLogger(ConsumerGroupLag.class);

	private static final long TIMEOUT_SECONDS = 10;

	private final Admin admin;

	private final MultiGauge lag;

	ConsumerGroupLag(Admin admin, MeterRegistry meters) {
		this.admin = admin;
		this.lag = MultiGauge.builder("kafka.consumergroup.lag")
			.description("Log-end offset minus committed offset, per consumer group and partition (broker view)")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${orderflow.relay.lag-interval:10s}", initialDelay = 1000)
	void refresh() {
		try {
			this.lag.register(measure(), true);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not read consumer-group lag: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	List<MultiGauge.Row<?>> measure() throws ExecutionException, InterruptedException, TimeoutException {
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
		for (ConsumerGroupListing group : this.admin.listConsumerGroups()
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			committed.put(group.groupId(), offsets);
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		committed.values().forEach((offsets) -> offsets.keySet().forEach((tp) -> request.put(tp, OffsetSpec.latest())));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = request.isEmpty() ? Map.of()
				: this.admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		committed.forEach((group, offsets) -> offsets.forEach((partition, offset) -> {
			ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
			if (offset != null && end != null) {
				long lag = Math.max(0, end.offset() - offset.offset());
				rows.add(MultiGauge.Row.of(Tags.of("consumergroup", group, "topic", partition.topic(), "partition",
						Integer.toString(partition.partition())), lag));
			}
		}));
		return rows;
	}

}
