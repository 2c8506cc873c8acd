package io.orderflow.benchmark.peers;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.namastack.outbox.Outbox;
import io.namastack.outbox.handler.OutboxRecordMetadata;
import io.namastack.outbox.handler.OutboxTypedHandler;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Namastack's JDBC outbox ({@code namastack-outbox-starter-jdbc} 1.6.0): the event is
 * scheduled with {@link Outbox#schedule(Object, String)} in the business transaction
 * (stored in {@code outbox_record}, partitioned by key hash over 256 partitions), a
 * poller hands each key's records in order to the handler on its executor, and marks
 * each record completed after the handler returns. 1.6.0 has no Kafka module, so the
 * handler sends the way Namastack's later Kafka module does: {@code send(record).get()}
 * (it must fail for the record to be retried). Tuned for throughput with its documented
 * settings: 100 keys a poll, a poll every 50 ms, 8 executor threads, and
 * {@code linger.ms=0} (the handler waits for each send: a 20k backlog at 1,006 events/s
 * with the relay's 5 ms, 2,275 with 0).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class NamastackPeer {

	/** Settings of the peer's context (besides database and broker). */
	public static final Map<String, String> PROPERTIES = Map.of("namastack.outbox.polling.batch-size", "100",
			"namastack.outbox.polling.trigger", "fixed", "namastack.outbox.polling.fixed.interval", "50ms",
			"namastack.outbox.processing.executor-core-pool-size", "8",
			"namastack.outbox.processing.executor-max-pool-size", "8", "spring.kafka.producer.properties.linger.ms",
			"0");

	@Bean
	Acknowledged acknowledged() {
		return new Acknowledged();
	}

	@Bean
	KafkaHandler kafkaHandler(KafkaTemplate<String, byte[]> kafka) {
		return new KafkaHandler(kafka);
	}

	@Bean
	PeerOutbox namastack(Outbox outbox, TransactionTemplate transactions, JdbcTemplate jdbc,
			Acknowledged acknowledged) {
		return new PeerOutbox("Namastack outbox 1.6.0 (JDBC), send().get() handler", transactions,
				(event) -> outbox.schedule(event, event.aggregateId()), jdbc,
				"SELECT count(*) FROM outbox_record WHERE status <> 'COMPLETED'",
				"SELECT count(*) = 256 FROM outbox_partition WHERE instance_id IS NOT NULL", acknowledged);
	}

	/** Sends each record and waits for the broker's acknowledgement. */
	static final class KafkaHandler implements OutboxTypedHandler<BenchEvent> {

		private final KafkaTemplate<String, byte[]> kafka;

		KafkaHandler(KafkaTemplate<String, byte[]> kafka) {
			this.kafka = kafka;
		}

		@Override
		public void handle(BenchEvent event, OutboxRecordMetadata metadata) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), null, event.aggregateId(),
					event.payload());
			record.headers().add(Acknowledged.CREATED, Acknowledged.created(event));
			try {
				this.kafka.send(record).get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge " + metadata.getKey(), ex);
			}
		}

	}

}
