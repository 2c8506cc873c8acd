package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay threads to stop, and lets them pause without delaying a stop.
 */
final class StopSignal {

	private volatile CountDownLatch stopped = new CountDownLatch(1);

	void stop() {
		this.stopped.countDown();
	}

	/**
	 * Clears a stop, for a restart once the threads it stopped have ended.
	 */
	void reset() {
		if (isStopped()) {
			this.stopped = new CountDownLatch(1);
		}
	}

	boolean isStopped() {
		return this.stopped.getCount() == 0;
	}

	/**
	 * Pauses until the timeout passes or a stop is requested.
	 * @param timeout longest pause
	 * @return whether a stop was requested
	 * @throws InterruptedException when interrupted
	 */
	boolean await(Duration timeout) throws InterruptedException {
		return this.stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
