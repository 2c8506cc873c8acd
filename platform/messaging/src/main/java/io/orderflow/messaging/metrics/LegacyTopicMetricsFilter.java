package io.orderflow.messaging.metrics;

import java.util.HashSet;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.orderflow.schemas.Topics;

/**
 * Drops the second copy of Kafka's per-topic client metrics. The Kafka consumer reports
 * each per-topic fetch metric ({@code records-lag}, {@code records-consumed-total}, ...)
 * twice: with the topic name, and with the legacy form whose dots are replaced by
 * underscores ({@code orders_order-placed_v1}). Both reach Prometheus as separate series
 * of the same metric, so that every {@code sum by (topic)} would list each topic twice.
 * Only tags that are the legacy form of one of our topics (or of its dead-letter topic)
 * are dropped.
 */
public final class LegacyTopicMetricsFilter implements MeterFilter {

	private final Set<String> legacyNames = new HashSet<>();

	public LegacyTopicMetricsFilter() {
		for (String topic : Topics.ALL) {
			for (String name : new String[] { topic, Topics.deadLetter(topic) }) {
				if (name.contains(".")) {
					this.legacyNames.add(name.replace('.', '_'));
				}
			}
		}
	}

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		if (!id.getName().startsWith("kafka.")) {
			return MeterFilterReply.NEUTRAL;
		}
		String topic = id.getTag("topic");
		return (topic != null && this.legacyNames.contains(topic)) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
	}

}
