package io.orderflow.relay.broker;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The broker-view gauges, {@link ConsumerGroupLag} and {@link DeadLetterTopicSizes},
 * measured again on the exporters' schedule ({@code orderflow.relay.lag-interval}). When
 * the broker does not answer in time a gauge keeps its last rows and the next tick tries
 * again; one gauge's failure does not keep the other from being measured.
 */
final class BrokerGauges {

	private static final Logger logger = LoggerFactory.getLogger(BrokerGauges.class);

	private final BrokerOffsets offsets;

	private final MultiGauge lag;

	private final MultiGauge deadLetters;

	BrokerGauges(BrokerOffsets offsets, MeterRegistry meters) {
		this.offsets = offsets;
		this.lag = MultiGauge.builder("kafka.consumergroup.lag")
			.description("Log-end offset minus committed offset, per consumer group and partition (broker view)")
			.register(meters);
		this.deadLetters = MultiGauge.builder("orderflow.dead.letter.topic.records")
			.description("Records in each dead-letter topic (log-end minus log-start offset, broker view)")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${orderflow.relay.lag-interval:10s}", initialDelay = 1000)
	void refresh() {
		refresh(this.lag, () -> ConsumerGroupLag.measure(this.offsets), "consumer-group lag");
		refresh(this.deadLetters, () -> DeadLetterTopicSizes.measure(this.offsets), "the dead-letter topics");
	}

	private static void refresh(MultiGauge gauge, Measurement measurement, String what) {
		try {
			gauge.register(measurement.measure(), true);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not read {}: {}", what, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Asks the broker for every row of a gauge (a row left out is removed). */
	@FunctionalInterface
	interface Measurement {

		List<MultiGauge.Row<?>> measure() throws ExecutionException, InterruptedException, TimeoutException;

	}

}
