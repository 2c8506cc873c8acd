package io.orderflow.benchmark.peers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.ProducerListener;

/**
 * The broker's acknowledgements of a peer's records, seen by its KafkaTemplate: how many,
 * and the latency from the event's creation (header {@value #CREATED}) to the ack.
 */
public final class Acknowledged implements ProducerListener<Object, Object> {

	/** Header with the event's {@link System#nanoTime()} at creation, in ASCII decimal. */
	public static final String CREATED = "bench-created-nanos";

	private final LongAdder count = new LongAdder();

	private final Timer latency = Timer.builder("peer.publish.latency")
		.publishPercentiles(0.5, 0.99)
		.distributionStatisticExpiry(Duration.ofMinutes(30))
		.distributionStatisticBufferLength(1)
		.register(new SimpleMeterRegistry());

	static byte[] created(BenchEvent event) {
		return Long.toString(event.createdNanos()).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
		this.count.increment();
		Header created = record.headers().lastHeader(CREATED);
		if (created != null) {
			long nanos = Long.parseLong(new String(created.value(), StandardCharsets.US_ASCII));
			this.latency.record(System.nanoTime() - nanos, TimeUnit.NANOSECONDS);
		}
	}

	public long count() {
		return this.count.sum();
	}

	public Timer latency() {
		return this.latency;
	}

}
