package io.orderflow.relay.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * How many records each dead-letter topic ({@code *.dlt}) holds, as the broker sees it
 * (log-end minus log-start offset, summed over its partitions), exported as
 * {@code orderflow_dead_letter_topic_records{topic}}. Unlike the services' own counters
 * it survives their restarts and counts what any producer dead-lettered; a replay does
 * not lower it (dead letters stay until retention removes them).
 */
class DeadLetterTopicSizes {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterTopicSizes.class);

	private static final String SUFFIX = ".dlt";

	private final BrokerOffsets offsets;

	private final MultiGauge records;

	DeadLetterTopicSizes(BrokerOffsets offsets, MeterRegistry meters) {
		this.offsets = offsets;
		this.records = MultiGauge.builder("orderflow.dead.letter.topic.records")
			.description("Records in each dead-letter topic (log-end minus log-start offset, broker view)")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${orderflow.relay.lag-interval:10s}", initialDelay = 1000)
	void refresh() {
		try {
			this.records.register(measure(), true);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not read the dead-letter topics: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	List<MultiGauge.Row<?>> measure() throws ExecutionException, InterruptedException, TimeoutException {
		List<String> topics = this.offsets.topics().stream().filter((name) -> name.endsWith(SUFFIX)).toList();
		Set<TopicPartition> partitions = BrokerOffsets.partitions(this.offsets.partitionCounts(topics));
		Map<TopicPartition, Long> starts = this.offsets.offsets(partitions, OffsetSpec.earliest());
		Map<String, Long> sizes = new HashMap<>();
		topics.forEach((topic) -> sizes.put(topic, 0L));
		this.offsets.offsets(partitions, OffsetSpec.latest())
			.forEach((tp, end) -> sizes.merge(tp.topic(), Math.max(0, end - starts.getOrDefault(tp, end)), Long::sum));
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		sizes.forEach((topic, size) -> rows.add(MultiGauge.Row.of(Tags.of("topic", topic), size)));
		return rows;
	}

}
