package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one source, tagged {@code source=<name>} (Prometheus names in brackets):
 * <ul>
 * <li>{@code orderflow.outbox.backlog} [{@code orderflow_outbox_backlog_rows}]:
 * unpublished rows; every instance measures it, leader or not, so aggregate with
 * {@code max by (source)};</li>
 * <li>{@code orderflow.outbox.oldest.unpublished.age}
 * [{@code orderflow_outbox_oldest_unpublished_age_seconds}]: age of the oldest
 * unpublished row, 0 without backlog;</li>
 * <li>{@code orderflow.outbox.published}
 * [{@code orderflow_outbox_published_events_total}]: rows acknowledged by the broker and
 * marked; {@code rate()} is the publish rate;</li>
 * <li>{@code orderflow.outbox.publish.latency}
 * [{@code orderflow_outbox_publish_latency_seconds_bucket}]: insert (≈ commit) to broker
 * acknowledgement, a percentile histogram;</li>
 * <li>{@code orderflow.outbox.publish.failures}
 * [{@code orderflow_outbox_publish_failures_total}]: batches with a failed send (retried
 * after a backoff);</li>
 * <li>{@code orderflow.outbox.relay.leader} [{@code orderflow_outbox_relay_leader}]: 1
 * while this instance leads the source; {@code sum by (source)} is 0 when nobody
 * publishes;</li>
 * <li>{@code orderflow.outbox.parked} [{@code orderflow_outbox_parked_rows}]: rows in
 * {@code outbox_parked}, which can never be published as they are (measured with the
 * backlog);</li>
 * <li>{@code orderflow.outbox.parked.events}
 * [{@code orderflow_outbox_parked_events_total}]: rows this instance parked;</li>
 * <li>{@code orderflow.outbox.leader.step.downs}
 * [{@code orderflow_outbox_leader_step_downs_total}]: times this instance gave up its
 * leadership after publishing nothing for {@code step-down-after}.</li>
 * </ul>
 * The gauges read {@link SourceStatus}; NaN means unknown (database unreachable).
 */
final class SourceMetrics {

	private final Counter published;

	private final Counter failures;

	private final Timer latency;

	private final Counter parked;

	private final Counter stepDowns;

	SourceMetrics(String source, SourceStatus status, MeterRegistry registry) {
		Gauge.builder("orderflow.outbox.backlog", status, SourceStatus::backlog)
			.description("Unpublished outbox rows")
			.baseUnit("rows")
			.tag("source", source)
			.register(registry);
		Gauge.builder("orderflow.outbox.oldest.unpublished.age", status, SourceStatus::oldestAgeSeconds)
			.description("Age of the oldest unpublished outbox row")
			.baseUnit("seconds")
			.tag("source", source)
			.register(registry);
		Gauge.builder("orderflow.outbox.relay.leader", status, (s) -> s.isLeader() ? 1 : 0)
			.description("1 while this instance publishes the source")
			.tag("source", source)
			.register(registry);
		Gauge.builder("orderflow.outbox.parked", status, SourceStatus::parked)
			.description("Rows in outbox_parked: they can never be published as they are")
			.baseUnit("rows")
			.tag("source", source)
			.register(registry);
		this.parked = Counter.builder("orderflow.outbox.parked.events")
			.description("Rows this instance parked because they can never be published as they are")
			.tag("source", source)
			.register(registry);
		this.stepDowns = Counter.builder("orderflow.outbox.leader.step.downs")
			.description("Times this instance gave up leadership after publishing nothing for step-down-after")
			.tag("source", source)
			.register(registry);
		this.published = Counter.builder("orderflow.outbox.published")
			.description("Outbox rows acknowledged by the broker and marked published")
			.baseUnit("events")
			.tag("source", source)
			.register(registry);
		this.failures = Counter.builder("orderflow.outbox.publish.failures")
			.description("Batches whose sending failed; their unacknowledged rows are retried")
			.tag("source", source)
			.register(registry);
		this.latency = Timer.builder("orderflow.outbox.publish.latency")
			.description("From the outbox row's insert to the broker's acknowledgement")
			.tag("source", source)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
	}

	/**
	 * Records rows that were acknowledged and marked published.
	 * @param result the batch's result
	 */
	void published(PublishResult result) {
		long[] ackedAt = result.ackedAtNanos();
		for (int i = 0; i < ackedAt.length; i++) {
			this.latency.record(result.acked().get(i).latencyNanos(ackedAt[i]), TimeUnit.NANOSECONDS);
		}
		this.published.increment(ackedAt.length);
	}

	void failed() {
		this.failures.increment();
	}

	void parked() {
		this.parked.increment();
	}

	void steppedDown() {
		this.stepDowns.increment();
	}

}
