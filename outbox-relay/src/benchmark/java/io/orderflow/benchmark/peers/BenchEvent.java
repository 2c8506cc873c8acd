package io.orderflow.benchmark.peers;

/**
 * The event a peer stores and publishes: the same payload bytes the relay publishes (an
 * OrderPlaced in the Confluent wire format), keyed by aggregate.
 *
 * @param topic where it goes
 * @param aggregateId the record key
 * @param payload the record value
 * @param createdNanos {@link System#nanoTime()} when it was published to the outbox, for
 * the latency
 */
public record BenchEvent(String topic, String aggregateId, byte[] payload, long createdNanos) {

}
