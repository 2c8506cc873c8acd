package io.orderflow.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyStatsTest {

	@Test
	void percentilesUseNearestRank() {
		long[] values = new long[100];
		for (int i = 0; i < 100; i++) {
			values[i] = 100 - i; // 100..1, unsorted on purpose
		}
		LatencyStats stats = new LatencyStats(values);

		assertThat(stats.percentile(50)).isEqualTo(50);
		assertThat(stats.percentile(95)).isEqualTo(95);
		assertThat(stats.percentile(99)).isEqualTo(99);
		assertThat(stats.max()).isEqualTo(100);
	}

	@Test
	void emptySetHasZeroPercentiles() {
		LatencyStats stats = new LatencyStats(new long[0]);

		assertThat(stats.percentile(99)).isZero();
		assertThat(stats.count()).isZero();
	}

	@Test
	void singleValueIsEveryPercentile() {
		LatencyStats stats = new LatencyStats(new long[] { 7 });

		assertThat(stats.percentile(1)).isEqualTo(7);
		assertThat(stats.percentile(100)).isEqualTo(7);
	}

}
