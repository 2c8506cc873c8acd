package io.orderflow.relay.outbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one relay instance sees of a source's lanes at one moment, read in one statement
 * ({@link OutboxSession#view()}): the lane count and its epoch, the live members, the
 * lanes other sessions hold; and what it should therefore release and take
 * ({@link #plan(int, Set)}).
 *
 * @param lanes the lane count
 * @param epoch its epoch
 * @param members member ids of the live instances (those whose membership session holds
 * its lock), ascending
 * @param heldByOthers lock keys ({@link Lanes#laneKey(int, int)}) of the lanes other
 * sessions hold, of any epoch
 */
record LaneView(int lanes, int epoch, List<Integer> members, Set<Long> heldByOthers) {

	LaneView {
		members = List.copyOf(members);
		heldByOthers = Set.copyOf(heldByOthers);
	}

	/**
	 * The lanes a member should own: lane {@code l} belongs to the member of rank
	 * {@code l mod members}, so the lanes spread evenly (counts differ by at most one)
	 * and every member that sees the same members computes the same division.
	 * @param member a member id
	 * @return its lanes, none when it is not among the members
	 */
	Set<Integer> target(int member) {
		int rank = this.members.indexOf(member);
		Set<Integer> target = new TreeSet<>();
		if (rank < 0) {
			return target;
		}
		for (int lane = rank; lane < this.lanes; lane += this.members.size()) {
			target.add(lane);
		}
		return target;
	}

	/**
	 * What a member does next. It releases every lane it holds that is of another epoch
	 * or no longer its own (after finishing and marking what it has in flight: the
	 * caller's part). It takes the lanes of its target that nobody holds, but none while
	 * any lane of another epoch is still held by another session: a lane of the new
	 * division is claimed only after the old division's owners have finished and let go.
	 * @param member this instance's member id
	 * @param held lock keys of the lanes this instance holds
	 * @return lock keys to release, and lock keys to try to take
	 */
	Plan plan(int member, Set<Long> held) {
		Set<Integer> target = target(member);
		Set<Long> release = new TreeSet<>();
		for (long key : held) {
			if (Lanes.epochOf(key) != this.epoch || !target.contains(Lanes.laneOfKey(key))) {
				release.add(key);
			}
		}
		Set<Long> acquire = new TreeSet<>();
		boolean oldDivisionHeld = this.heldByOthers.stream().anyMatch((key) -> Lanes.epochOf(key) != this.epoch);
		if (!oldDivisionHeld) {
			for (int lane : target) {
				long key = Lanes.laneKey(this.epoch, lane);
				if (!held.contains(key) && !this.heldByOthers.contains(key)) {
					acquire.add(key);
				}
			}
		}
		return new Plan(release, acquire);
	}

	/**
	 * @param release lock keys of lanes to hand over
	 * @param acquire lock keys of free lanes to try to take
	 */
	record Plan(Set<Long> release, Set<Long> acquire) {

		Plan {
			release = Set.copyOf(release);
			acquire = Set.copyOf(acquire);
		}

	}

}
