package io.orderflow.relay.outbox;

import java.time.Duration;

/**
 * Exponential backoff between failed attempts: the initial pause, doubled on every
 * further failure up to the maximum, back to the initial pause after a success. Not
 * thread-safe.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private Duration next;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
		this.next = initial;
	}

	/**
	 * @return the pause before the next attempt
	 */
	Duration next() {
		Duration current = this.next;
		Duration doubled = current.multipliedBy(2);
		this.next = (doubled.compareTo(this.max) > 0) ? this.max : doubled;
		return current;
	}

	void reset() {
		this.next = this.initial;
	}

}
