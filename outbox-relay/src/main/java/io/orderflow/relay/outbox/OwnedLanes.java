package io.orderflow.relay.outbox;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lanes one session of this instance holds, by their lock keys, and the epoch they
 * belong to. Used by the source's relay thread only.
 */
final class OwnedLanes {

	private final OutboxSession session;

	private final int member;

	private final Set<Long> keys = new TreeSet<>();

	// read on every claim and every wait: kept, not rebuilt
	private Set<Integer> lanes = Set.of();

	private int epoch;

	/**
	 * @param session the session that takes and releases the lanes' locks
	 * @param member this instance's member id
	 */
	OwnedLanes(OutboxSession session, int member) {
		this.session = session;
		this.member = member;
	}

	int member() {
		return this.member;
	}

	/**
	 * @return lock keys of the lanes held
	 */
	Set<Long> keys() {
		return Set.copyOf(this.keys);
	}

	/**
	 * @return the lanes held
	 */
	Set<Integer> lanes() {
		return this.lanes;
	}

	/**
	 * @return the epoch of the lanes held (every held lane is of it once a look has
	 * released the others)
	 */
	int epoch() {
		return this.epoch;
	}

	void epoch(int epoch) {
		this.epoch = epoch;
	}

	/**
	 * @param key a lane's lock key
	 * @return whether the lane is held now
	 * @throws SQLException when the session is lost
	 */
	boolean tryAcquire(long key) throws SQLException {
		if (this.session.tryAcquire(key)) {
			this.keys.add(key);
			lanesChanged();
			return true;
		}
		return false;
	}

	/**
	 * @param key a held lane's lock key; nothing of it may be in flight
	 * @throws SQLException when the session is lost
	 */
	void release(long key) throws SQLException {
		this.session.release(key);
		this.keys.remove(key);
		lanesChanged();
	}

	private void lanesChanged() {
		Set<Integer> lanes = new TreeSet<>();
		this.keys.forEach((key) -> lanes.add(Lanes.laneOfKey(key)));
		this.lanes = Collections.unmodifiableSet(lanes);
	}

}
