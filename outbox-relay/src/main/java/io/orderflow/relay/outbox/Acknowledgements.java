package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of each record of one batch, filled in by the producer's callbacks (its I/O
 * thread) and read by the relay thread once every record is complete.
 */
final class Acknowledgements {

	private static final long PENDING = Long.MIN_VALUE;

	private final AtomicLongArray ackedAtNanos;

	private final CountDownLatch outstanding;

	private final AtomicReference<@Nullable Exception> failure = new AtomicReference<>();

	private volatile int failedIndex = -1;

	private final Runnable onFirstFailure;

	/**
	 * @param size records in the batch
	 * @param onFirstFailure run once, by the thread that sees the first failure
	 */
	Acknowledgements(int size, Runnable onFirstFailure) {
		this.ackedAtNanos = new AtomicLongArray(size);
		for (int i = 0; i < size; i++) {
			this.ackedAtNanos.set(i, PENDING);
		}
		this.outstanding = new CountDownLatch(size);
		this.onFirstFailure = onFirstFailure;
	}

	/**
	 * Records the outcome of one record; called exactly once per sent record.
	 * @param index position in the batch
	 * @param exception the failure, {@code null} when acknowledged
	 */
	void complete(int index, @Nullable Exception exception) {
		if (exception == null) {
			this.ackedAtNanos.set(index, System.nanoTime());
		}
		else if (this.failure.compareAndSet(null, exception)) {
			this.failedIndex = index;
			this.onFirstFailure.run();
		}
		this.outstanding.countDown();
	}

	boolean failed() {
		return this.failure.get() != null;
	}

	/**
	 * Completes, as not acknowledged, the records that were never sent because an earlier
	 * one failed. Called once, by the sending thread, after its last send.
	 * @param attempted how many records were handed to the producer (each of them is
	 * completed by its callback or by the sending thread)
	 */
	void skipUnsent(int attempted) {
		for (int i = attempted; i < this.ackedAtNanos.length(); i++) {
			this.outstanding.countDown();
		}
	}

	boolean await(long timeout, TimeUnit unit) throws InterruptedException {
		return this.outstanding.await(timeout, unit);
	}

	void timedOut(Duration bound) {
		this.failure.compareAndSet(null, new TimeoutException("records not completed within " + bound));
	}

	/**
	 * @param rows the batch, in send order
	 * @return the rows acknowledged so far, and the first failure with its row
	 */
	PublishResult result(List<OutboxRow> rows) {
		List<OutboxRow> acked = new ArrayList<>(rows.size());
		List<Long> ackedAt = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			long at = this.ackedAtNanos.get(i);
			if (at != PENDING) {
				acked.add(rows.get(i));
				ackedAt.add(at);
			}
		}
		int failed = this.failedIndex;
		return new PublishResult(acked, ackedAt.stream().mapToLong(Long::longValue).toArray(), this.failure.get(),
				(failed >= 0) ? rows.get(failed) : null);
	}

}
