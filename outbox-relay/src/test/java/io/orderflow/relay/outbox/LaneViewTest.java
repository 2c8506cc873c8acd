package io.orderflow.relay.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an instance divides the lanes and what it hands over or takes: the pure part of
 * {@link SourceRelay}'s rebalancing.
 */
class LaneViewTest {

	@Test
	void everyLaneHasExactlyOneTargetOwnerAndTheCountsDifferByAtMostOne() {
		for (int members = 1; members <= 7; members++) {
			List<Integer> ids = IntStream.range(0, members).map((i) -> 1_000 + i * 17).boxed().toList();
			LaneView view = new LaneView(16, 1, ids, Set.of());
			List<Integer> all = new ArrayList<>();
			List<Integer> sizes = new ArrayList<>();
			for (int id : ids) {
				Set<Integer> target = view.target(id);
				all.addAll(target);
				sizes.add(target.size());
			}
			assertThat(all).as("%d members", members).containsExactlyInAnyOrderElementsOf(lanes(16));
			assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
					- sizes.stream().mapToInt(Integer::intValue).min().getAsInt())
				.isLessThanOrEqualTo(1);
		}
	}

	@Test
	void anInstanceThatIsNotAMemberOwnsNothingAndReleasesWhatItHolds() {
		LaneView view = new LaneView(4, 1, List.of(7, 9), Set.of());
		assertThat(view.target(8)).isEmpty();
		LaneView.Plan plan = view.plan(8, keys(1, 0, 1));
		assertThat(plan.release()).containsExactlyInAnyOrderElementsOf(keys(1, 0, 1));
		assertThat(plan.acquire()).isEmpty();
	}

	@Test
	void takesTheFreeLanesOfItsShareAndLeavesThoseAnotherInstanceStillHolds() {
		// members 3 and 5: 3 gets lanes 0 and 2, 5 gets 1 and 3; lane 2 is still held by
		// the instance that had everything before 3 joined
		LaneView view = new LaneView(4, 1, List.of(3, 5), keys(1, 1, 2, 3));
		LaneView.Plan plan = view.plan(3, Set.of());
		assertThat(plan.acquire()).containsExactlyInAnyOrderElementsOf(keys(1, 0));
		assertThat(plan.release()).isEmpty();
	}

	@Test
	void handsOverTheLanesThatAreNoLongerItsOwnWhenAnInstanceJoins() {
		LaneView view = new LaneView(4, 1, List.of(3, 5), Set.of());
		LaneView.Plan plan = view.plan(5, keys(1, 0, 1, 2, 3));
		assertThat(plan.release()).containsExactlyInAnyOrderElementsOf(keys(1, 0, 2));
		assertThat(plan.acquire()).isEmpty();
	}

	@Test
	void afterAChangeOfTheLaneCountReleasesTheOldDivisionAndTakesNothingWhileAnotherInstanceStillHoldsPartOfIt() {
		// epoch 2 has 8 lanes; this instance (1 of 2 members) held lanes 0 and 2 of epoch
		// 1,
		// the other still holds lane 1 of epoch 1
		LaneView view = new LaneView(8, 2, List.of(1, 2), keys(1, 1));
		LaneView.Plan plan = view.plan(1, keys(1, 0, 2));
		assertThat(plan.release()).containsExactlyInAnyOrderElementsOf(keys(1, 0, 2));
		assertThat(plan.acquire()).as("nothing of the new division while the old one is held").isEmpty();

		LaneView drained = new LaneView(8, 2, List.of(1, 2), Set.of());
		assertThat(drained.plan(1, Set.of()).acquire()).containsExactlyInAnyOrderElementsOf(keys(2, 0, 2, 4, 6));
	}

	@Test
	void theLockKeyOfALaneNamesItsEpochAndLane() {
		long key = Lanes.laneKey(7, 1023);
		assertThat(Lanes.epochOf(key)).isEqualTo(7);
		assertThat(Lanes.laneOfKey(key)).isEqualTo(1023);
		assertThat(Lanes.laneKey(2_097_151, 1023)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void anAggregatesLaneIsTheFirst32BitsOfItsMd5Unsigned() {
		// md5("abc") = 900150983cd24fb0d6963f7d28e17f72: 0x90015098 = 2416005272
		assertThat(Lanes.laneOf("abc", 1024)).isEqualTo((int) (2_416_005_272L % 1024));
		assertThat(Lanes.laneOf("abc", 16)).isEqualTo((int) (2_416_005_272L % 16));
		Set<Integer> seen = new HashSet<>();
		IntStream.range(0, 1_000).forEach((i) -> seen.add(Lanes.laneOf("order-" + i, 16)));
		assertThat(seen).containsExactlyInAnyOrderElementsOf(lanes(16));
	}

	private static Set<Long> keys(int epoch, int... lanes) {
		return IntStream.of(lanes).mapToObj((lane) -> (long) Lanes.laneKey(epoch, lane)).collect(Collectors.toSet());
	}

	private static List<Integer> lanes(int count) {
		return IntStream.range(0, count).boxed().toList();
	}

}
