package io.orderflow.tools;

import java.util.Map;

/**
 * What one {@link SagaLoad} run observed.
 *
 * @param orders orders the run was to place
 * @param offeredRate orders per second offered
 * @param placed POSTs answered 201
 * @param failedPosts POSTs refused (any other status) or failed (no answer)
 * @param unfinished accepted orders not seen in a terminal state when the run ended
 * @param latencies POST -> terminal of the orders that reached a terminal state
 * @param outcomes terminal statuses and POST failures, counted
 * @param seconds the whole run, first POST to the end of the drain
 * @param postingSeconds first POST to the last
 * @param terminalSeconds first POST to the last order seen terminal
 */
public record LoadResult(int orders, double offeredRate, int placed, int failedPosts, int unfinished,
		LatencyStats latencies, Map<String, Integer> outcomes, double seconds, double postingSeconds,
		double terminalSeconds) {

	/**
	 * @return orders that reached a terminal state per second, over the time from the
	 * first POST to the last order seen terminal
	 */
	public double terminalRate() {
		return (this.terminalSeconds <= 0) ? 0 : this.latencies.count() / this.terminalSeconds;
	}

	/**
	 * @return refused or failed POSTs plus accepted orders that did not finish in time
	 */
	public int errors() {
		return this.failedPosts + this.unfinished;
	}

}
