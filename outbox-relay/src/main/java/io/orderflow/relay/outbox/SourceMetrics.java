package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one source, tagged {@code source=<name>} (Prometheus names in brackets):
 * <ul>
 * <li>{@code orderflow.outbox.backlog} [{@code orderflow_outbox_backlog_rows}]:
 * unpublished rows; every instance measures it, whichever lanes it owns, so aggregate
 * with {@code max by (source)};</li>
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
 * <li>{@code orderflow.outbox.lanes} [{@code orderflow_outbox_lanes}]: the source's lane
 * count as this instance last saw it;</li>
 * <li>{@code orderflow.outbox.lanes.owned} [{@code orderflow_outbox_lanes_owned}]: lanes
 * this instance owns; {@code sum by (source)} below {@code max by (source)} of the lane
 * count means a lane that nobody publishes;</li>
 * <li>{@code orderflow.outbox.lane.owned} [{@code orderflow_outbox_lane_owned}], tagged
 * {@code lane} too: 1 for each lane this instance owns, 0 for the others (the
 * {@code instance} label of the 1 is the lane's owner);</li>
 * <li>{@code orderflow.outbox.lane.backlog} [{@code orderflow_outbox_lane_backlog_rows}]
 * and {@code orderflow.outbox.lane.oldest.unpublished.age}
 * [{@code orderflow_outbox_lane_oldest_unpublished_age_seconds}], tagged {@code lane}:
 * each lane's unpublished rows and the age of its oldest (measured with the
 * backlog);</li>
 * <li>{@code orderflow.outbox.parked} [{@code orderflow_outbox_parked_rows}]: rows in
 * {@code outbox_parked}, which can never be published as they are (measured with the
 * backlog);</li>
 * <li>{@code orderflow.outbox.parked.events}
 * [{@code orderflow_outbox_parked_events_total}]: rows this instance parked;</li>
 * <li>{@code orderflow.outbox.leader.step.downs}
 * [{@code orderflow_outbox_leader_step_downs_total}]: times this instance gave up its
 * lanes after publishing nothing for {@code step-down-after}.</li>
 * </ul>
 * The gauges read {@link SourceStatus}; NaN means unknown (database unreachable).
 */
final class SourceMetrics {

	private final Counter published;

	private final Counter failures;

	private final Timer latency;

	private final Counter parked;

	private final Counter stepDowns;

	private final MultiGauge laneOwned;

	private final MultiGauge laneBacklog;

	private final MultiGauge laneAge;

	private final SourceStatus status;

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
		Gauge.builder("orderflow.outbox.lanes", status, SourceStatus::laneCount)
			.description("The source's lane count")
			.tag("source", source)
			.register(registry);
		Gauge.builder("orderflow.outbox.lanes.owned", status, SourceStatus::ownedLaneCount)
			.description("Lanes of the source this instance owns and publishes")
			.tag("source", source)
			.register(registry);
		this.laneOwned = MultiGauge.builder("orderflow.outbox.lane.owned")
			.description("1 while this instance owns the lane")
			.tag("source", source)
			.register(registry);
		this.laneBacklog = MultiGauge.builder("orderflow.outbox.lane.backlog")
			.description("Unpublished outbox rows of the lane")
			.baseUnit("rows")
			.tag("source", source)
			.register(registry);
		this.laneAge = MultiGauge.builder("orderflow.outbox.lane.oldest.unpublished.age")
			.description("Age of the lane's oldest unpublished outbox row")
			.baseUnit("seconds")
			.tag("source", source)
			.register(registry);
		this.status = status;
		status.onLaneCountChange(this::laneCountChanged);
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

	/**
	 * A row per lane of the new count; called when this instance sees the lane count
	 * change.
	 * @param lanes the lane count
	 */
	private void laneCountChanged(int lanes) {
		List<MultiGauge.Row<?>> owned = new ArrayList<>();
		List<MultiGauge.Row<?>> backlog = new ArrayList<>();
		List<MultiGauge.Row<?>> age = new ArrayList<>();
		for (int lane = 0; lane < lanes; lane++) {
			int l = lane;
			Tags tags = Tags.of("lane", Integer.toString(lane));
			owned.add(MultiGauge.Row.of(tags, this.status, (s) -> s.owns(l) ? 1 : 0));
			backlog.add(MultiGauge.Row.of(tags, this.status, (s) -> {
				long rows = s.laneBacklog(l).rows();
				return (rows < 0) ? Double.NaN : rows;
			}));
			age.add(MultiGauge.Row.of(tags, this.status, (s) -> s.laneBacklog(l).oldestAgeSeconds()));
		}
		this.laneOwned.register(owned, true);
		this.laneBacklog.register(backlog, true);
		this.laneAge.register(age, true);
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
