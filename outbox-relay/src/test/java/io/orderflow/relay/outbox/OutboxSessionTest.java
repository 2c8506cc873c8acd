package io.orderflow.relay.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rows in flight are left out of the next claim.
 */
class OutboxSessionTest {

	@Test
	void describesInFlightIdsAsRunsOfConsecutiveIds() {
		long[][] runs = OutboxSession.runs(new long[] { 10, 11, 12, 14, 15, 20 });

		assertThat(runs[0]).containsExactly(10, 14, 20);
		assertThat(runs[1]).containsExactly(12, 15, 20);
	}

	@Test
	void neverCoversAnIdThatIsNotInFlightEvenWhenIdsComeUnordered() {
		long[][] runs = OutboxSession.runs(new long[] { 5, 6, 3, 4, 8 });

		assertThat(runs[0]).containsExactly(5, 3, 8);
		assertThat(runs[1]).containsExactly(6, 4, 8);
	}

	@Test
	void describesNothingInFlightAsNoRuns() {
		long[][] runs = OutboxSession.runs(new long[0]);

		assertThat(runs[0]).isEmpty();
		assertThat(runs[1]).isEmpty();
	}

}
