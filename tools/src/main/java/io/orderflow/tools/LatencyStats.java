package io.orderflow.tools;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies (nearest-rank method).
 */
public final class LatencyStats {

	private final long[] sortedMillis;

	public LatencyStats(long[] millis) {
		this.sortedMillis = millis.clone();
		Arrays.sort(this.sortedMillis);
	}

	public int count() {
		return this.sortedMillis.length;
	}

	/**
	 * @param percentile in (0, 100]
	 * @return the smallest value such that at least {@code percentile}% of the values are
	 * at or below it; 0 when empty
	 */
	public long percentile(double percentile) {
		if (this.sortedMillis.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * this.sortedMillis.length);
		return this.sortedMillis[Math.max(0, Math.min(this.sortedMillis.length - 1, rank - 1))];
	}

	public long max() {
		return (this.sortedMillis.length == 0) ? 0 : this.sortedMillis[this.sortedMillis.length - 1];
	}

}
