package io.orderflow.relay.outbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What this relay instance knows about one source right now: its role and what the last
 * measurement saw. Written by the source's relay thread and by the backlog probe, read by
 * metrics and health; thread-safe.
 */
final class SourceStatus {

	/** This instance's role for a source. */
	enum Role {

		/** Another instance leads, or the database is unreachable: publishing nothing. */
		STANDBY,

		/** Holds the source's advisory lock and publishes its outbox. */
		LEADER

	}

	private volatile Role role = Role.STANDBY;

	private volatile boolean relayStarted;

	private volatile boolean relayRunning;

	private volatile @Nullable Boolean reachable;

	private volatile double backlog = Double.NaN;

	private volatile double oldestAgeSeconds = Double.NaN;

	private volatile double parked = Double.NaN;

	Role role() {
		return this.role;
	}

	void role(Role role) {
		this.role = Objects.requireNonNull(role);
	}

	boolean isLeader() {
		return this.role == Role.LEADER;
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
	 */
	void measured(long backlog, double oldestAgeSeconds, long parked) {
		this.backlog = backlog;
		this.oldestAgeSeconds = oldestAgeSeconds;
		this.parked = parked;
		this.reachable = true;
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
	 * @return role, database reachability, backlog and parked rows, for the health
	 * endpoint
	 */
	Map<String, Object> details() {
		Boolean reachable = this.reachable;
		double backlog = this.backlog;
		double parked = this.parked;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("role", relayStopped() ? "stopped" : this.role.name().toLowerCase(Locale.ROOT));
		details.put("database", (reachable == null) ? "unknown" : (reachable ? "reachable" : "unreachable"));
		details.put("backlog", Double.isNaN(backlog) ? "unknown" : (Object) (long) backlog);
		details.put("parked", Double.isNaN(parked) ? "unknown" : (Object) (long) parked);
		return details;
	}

}
