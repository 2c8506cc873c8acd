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
 * @param failedRow the row whose send failed first, {@code null} when every row was
 * acknowledged or the failure belongs to no row (the batch timed out)
 */
record PublishResult(List<OutboxRow> acked, long[] ackedAtNanos, @Nullable Exception failure,
		@Nullable OutboxRow failedRow) {

	/**
	 * @return ids of the acknowledged rows
	 */
	long[] ackedIds() {
		return this.acked.stream().mapToLong(OutboxRow::id).toArray();
	}

}
