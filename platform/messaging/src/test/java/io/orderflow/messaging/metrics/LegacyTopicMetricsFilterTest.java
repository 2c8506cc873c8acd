package io.orderflow.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.schemas.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyTopicMetricsFilterTest {

	@Test
	void dropsTheUnderscoredCopyOfOurTopicsOnly() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new LegacyTopicMetricsFilter());
		for (String topic : new String[] { Topics.ORDER_PLACED, "orders_order-placed_v1", "orders_order-placed_v1_dlt",
				"someone_elses_topic" }) {
			Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 1).tag("topic", topic).register(registry);
		}
		Gauge.builder("orderflow.other", () -> 1).tag("topic", "orders_order-placed_v1").register(registry);

		assertThat(registry.find("kafka.consumer.fetch.manager.records.lag")
			.gauges()
			.stream()
			.map((gauge) -> gauge.getId().getTag("topic")))
			.containsExactlyInAnyOrder(Topics.ORDER_PLACED, "someone_elses_topic");
		assertThat(registry.find("orderflow.other").gauges()).hasSize(1);
	}

}
