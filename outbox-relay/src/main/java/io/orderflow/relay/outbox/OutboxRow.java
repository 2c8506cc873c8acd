package io.orderflow.relay.outbox;

import org.jspecify.annotations.Nullable;

/**
 * An unpublished outbox row, as claimed by the leader.
 *
 * @param id the row's identity value; claim order
 * @param eventId the event's UUID, as text ({@code event_id} header)
 * @param aggregateId the Kafka record key
 * @param eventType e.g. {@code OrderPlaced} ({@code event_type} header)
 * @param topic destination topic
 * @param payload the record value, already in the Confluent wire format; sent unchanged
 * @param traceparent W3C trace context of the request that caused the event, if any
 * @param ageAtClaimNanos {@code clock_timestamp() - created_at}, measured by the database
 * while it ran the claim query
 * @param claimedAtNanos {@link System#nanoTime()} just before the claim query was sent
 */
record OutboxRow(long id, String eventId, String aggregateId, String eventType, String topic, byte[] payload,
		@Nullable String traceparent, long ageAtClaimNanos, long claimedAtNanos) {

	/**
	 * Commit-to-ack latency without comparing two machines' clocks: the row's age as the
	 * database measured it at claim time (both ends on the database's clock) plus the
	 * time elapsed here since the claim (both ends on this JVM's monotonic clock).
	 * "Commit" is {@code created_at}, the insert time, which precedes the commit by the
	 * rest of the writing transaction.
	 * @param ackedAtNanos {@link System#nanoTime()} when the broker's acknowledgement
	 * arrived
	 * @return latency in nanoseconds, never negative
	 */
	long latencyNanos(long ackedAtNanos) {
		return Math.max(0, this.ageAtClaimNanos + (ackedAtNanos - this.claimedAtNanos));
	}

}
