package io.orderflow.relay.outbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of one batch.
 *
 * @param acked the rows the broker acknowledged, in id order: these, and only these, may
 * be marked published
 * @param ackedAtNanos {@link System#nanoTime()} of each acknowledgement, parallel to
 * {@code acked}
 * @param failure the first failure, {@code null} when every row was acknowledged
 */
record PublishResult(List<OutboxRow> acked, long[] ackedAtNanos, @Nullable Exception failure) {

	/**
	 * @return ids of the acknowledged rows
	 */
	long[] ackedIds() {
		return this.acked.stream().mapToLong(OutboxRow::id).toArray();
	}

}
