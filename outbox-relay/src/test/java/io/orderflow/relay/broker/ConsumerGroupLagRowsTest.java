package io.orderflow.relay.broker;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which lag rows the exporter reports, from offsets alone.
 */
class ConsumerGroupLagRowsTest {

	private static final TopicPartition A0 = new TopicPartition("a", 0);

	private static final TopicPartition A1 = new TopicPartition("a", 1);

	private static final TopicPartition A2 = new TopicPartition("a", 2);

	@Test
	void everyPartitionOfAGroupsTopicsLagsFromItsCommitOrElseFromTheLogStart() {
		List<MultiGauge.Row<?>> rows = ConsumerGroupLag.rows(Map.of("g", Map.of(A0, 8L)), Map.of("a", 3),
				Map.of(A0, 0L, A1, 3L, A2, 0L), Map.of(A0, 10L, A1, 7L, A2, 0L));

		assertThat(lags(rows)).containsExactlyInAnyOrderEntriesOf(Map.of("g/a/0", 2.0, "g/a/1", 4.0, "g/a/2", 0.0));
	}

	@Test
	void aTopicThatNoLongerExistsIsNotReportedAndLagIsNeverNegative() {
		List<MultiGauge.Row<?>> rows = ConsumerGroupLag.rows(
				Map.of("g", Map.of(A0, 12L, new TopicPartition("gone", 0), 5L)), Map.of("a", 1), Map.of(A0, 0L),
				Map.of(A0, 10L));

		assertThat(lags(rows)).containsExactlyInAnyOrderEntriesOf(Map.of("g/a/0", 0.0));
	}

	private static Map<String, Double> lags(List<MultiGauge.Row<?>> rows) {
		MeterRegistry registry = new SimpleMeterRegistry();
		MultiGauge.builder("lag").register(registry).register(rows);
		Map<String, Double> lags = new java.util.HashMap<>();
		registry.find("lag")
			.gauges()
			.forEach((gauge) -> lags.put(gauge.getId().getTag("consumergroup") + "/" + gauge.getId().getTag("topic")
					+ "/" + gauge.getId().getTag("partition"), gauge.value()));
		return lags;
	}

}
