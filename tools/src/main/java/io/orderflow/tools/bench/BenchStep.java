package io.orderflow.tools.bench;

import java.time.Duration;
import java.util.Map;

/**
 * One step of the bench: what the load observed and the CPU each process spent meanwhile.
 *
 * @param offeredRate orders per second offered
 * @param achievedRate orders that reached a terminal state per second
 * @param p50 POST -> terminal, 50th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest order
 * @param terminal orders that reached a terminal state
 * @param errors POSTs refused or failed plus accepted orders not terminal in time
 * @param cpuMillis CPU milliseconds per process during the step (drain included)
 */
record BenchStep(double offeredRate, double achievedRate, Duration p50, Duration p95, Duration p99, Duration max,
		int terminal, int errors, Map<String, Double> cpuMillis) {

	/** The sustained rate is the highest step with a p99 under this and no errors. */
	static final Duration SUSTAINED_P99 = Duration.ofSeconds(1);

	boolean sustained() {
		return this.errors == 0 && this.terminal > 0 && this.p99.compareTo(SUSTAINED_P99) < 0;
	}

	boolean saturated() {
		return this.achievedRate < 0.8 * this.offeredRate;
	}

	/**
	 * @param process a process name
	 * @return its CPU milliseconds per terminal order (NaN when it was not measured)
	 */
	double cpuPerOrder(String process) {
		return this.cpuMillis.getOrDefault(process, Double.NaN) / this.terminal;
	}

	/**
	 * @return the CPU milliseconds of all processes per terminal order
	 */
	double totalCpuPerOrder() {
		return this.cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum() / this.terminal;
	}

}
