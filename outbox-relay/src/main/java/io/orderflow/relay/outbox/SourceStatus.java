package io.orderflow.relay.outbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * What this relay instance knows about one source right now: the lanes it owns and what
 * the last measurement saw. Written by the source's relay thread and by the backlog
 * probe, read by metrics and health; thread-safe.
 */
final class SourceStatus {

	private volatile Set<Integer> ownedLanes = Set.of();

	private volatile int lanes;

	private volatile int members;

	private volatile boolean relayStarted;

	private volatile boolean relayRunning;

	private volatile @Nullable Boolean reachable;

	private volatile double backlog = Double.NaN;

	private volatile double oldestAgeSeconds = Double.NaN;

	private volatile double parked = Double.NaN;

	private volatile Lanes.Backlog[] laneBacklogs = new Lanes.Backlog[0];

	private volatile IntConsumer laneCountListener = (lanes) -> {
	};

	/**
	 * @param listener told the new lane count whenever this instance sees it change
	 */
	void onLaneCountChange(IntConsumer listener) {
		this.laneCountListener = listener;
	}

	private synchronized void laneCount(int lanes) {
		if (lanes != this.lanes) {
			this.lanes = lanes;
			this.laneCountListener.accept(lanes);
		}
	}

	/**
	 * Records the lanes this instance owns, and the lane count and members it saw.
	 * @param lanes the lane count
	 * @param members live members
	 * @param owned the lanes this instance holds now
	 */
	void lanes(int lanes, int members, Set<Integer> owned) {
		laneCount(lanes);
		this.members = members;
		this.ownedLanes = Set.copyOf(owned);
	}

	/**
	 * Records that this instance owns no lane (its session ended).
	 */
	void ownsNothing() {
		this.ownedLanes = Set.of();
	}

	/**
	 * @return whether this instance owns at least one lane of the source, so publishes
	 * some of it
	 */
	boolean isPublishing() {
		return !this.ownedLanes.isEmpty();
	}

	/**
	 * @param lane a lane
	 * @return whether this instance owns it
	 */
	boolean owns(int lane) {
		return this.ownedLanes.contains(lane);
	}

	/**
	 * @return how many lanes this instance owns
	 */
	int ownedLaneCount() {
		return this.ownedLanes.size();
	}

	/**
	 * @return the lane count as last seen, 0 before the first look
	 */
	int laneCount() {
		return this.lanes;
	}

	/**
	 * Records that the source's relay thread started or ended.
	 * @param running whether it runs
	 */
	void relayRunning(boolean running) {
		this.relayStarted |= running;
		this.relayRunning = running;
	}

	/**
	 * @return whether the source's relay thread ended after it had started (shutdown, or
	 * an {@link Error}): this instance no longer publishes the source, not even as a
	 * standby
	 */
	boolean relayStopped() {
		return this.relayStarted && !this.relayRunning;
	}

	/**
	 * @return whether the last attempt to reach the database succeeded, {@code null}
	 * before the first attempt
	 */
	@Nullable Boolean reachable() {
		return this.reachable;
	}

	/**
	 * Records a successful measurement.
	 * @param backlog unpublished rows
	 * @param oldestAgeSeconds age of the oldest unpublished row, 0 without backlog
	 * @param parked rows in {@code outbox_parked}
	 * @param laneBacklogs per lane (index = lane), for every lane of the count
	 */
	void measured(long backlog, double oldestAgeSeconds, long parked, List<Lanes.Backlog> laneBacklogs) {
		this.backlog = backlog;
		this.oldestAgeSeconds = oldestAgeSeconds;
		this.parked = parked;
		this.laneBacklogs = laneBacklogs.toArray(Lanes.Backlog[]::new);
		this.reachable = true;
		if (!laneBacklogs.isEmpty()) {
			laneCount(laneBacklogs.size());
		}
	}

	/**
	 * Records that the database could not be reached: the backlog is unknown (NaN), not
	 * 0.
	 */
	void unreachable() {
		this.reachable = false;
		this.backlog = Double.NaN;
		this.oldestAgeSeconds = Double.NaN;
		this.parked = Double.NaN;
		this.laneBacklogs = new Lanes.Backlog[0];
	}

	/**
	 * @return unpublished rows at the last measurement, NaN when unknown
	 */
	double backlog() {
		return this.backlog;
	}

	/**
	 * @return rows in {@code outbox_parked} at the last measurement, NaN when unknown
	 */
	double parked() {
		return this.parked;
	}

	/**
	 * @return age in seconds of the oldest unpublished row at the last measurement, NaN
	 * when unknown
	 */
	double oldestAgeSeconds() {
		return this.oldestAgeSeconds;
	}

	/**
	 * @return each lane's backlog at the last measurement (index = lane); empty when
	 * unknown
	 */
	List<Lanes.Backlog> laneBacklogs() {
		return List.of(this.laneBacklogs);
	}

	/**
	 * @param lane a lane
	 * @return its backlog at the last measurement; NaN rows and age when unknown
	 */
	Lanes.Backlog laneBacklog(int lane) {
		Lanes.Backlog[] backlogs = this.laneBacklogs;
		return (lane < backlogs.length) ? backlogs[lane] : new Lanes.Backlog(lane, -1, Double.NaN);
	}

	/**
	 * @return lanes owned, lane count, members seen, database reachability, backlog and
	 * parked rows, for the health endpoint
	 */
	Map<String, Object> details() {
		Boolean reachable = this.reachable;
		double backlog = this.backlog;
		double parked = this.parked;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", relayStopped() ? "stopped" : (isPublishing() ? "publishing" : "standby"));
		details.put("lanes", new TreeSet<>(this.ownedLanes));
		details.put("laneCount", this.lanes);
		details.put("members", this.members);
		details.put("database", (reachable == null) ? "unknown" : (reachable ? "reachable" : "unreachable"));
		details.put("backlog", Double.isNaN(backlog) ? "unknown" : (Object) (long) backlog);
		details.put("parked", Double.isNaN(parked) ? "unknown" : (Object) (long) parked);
		return details;
	}

	@Override
	public String toString() {
		return "SourceStatus[lanes=" + new TreeSet<>(this.ownedLanes) + " of " + this.lanes + ", backlogs="
				+ Arrays.toString(this.laneBacklogs) + "]";
	}

}
