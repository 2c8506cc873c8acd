package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Creates the relay's Kafka producers from Spring Boot's producer configuration
 * ({@code spring.kafka.*}, including connection details and SSL bundles), with the
 * settings the relay's guarantees depend on forced:
 * <ul>
 * <li>{@code acks=all} and {@code enable.idempotence=true}: an acknowledged record is on
 * every in-sync replica, and within one producer the broker accepts a partition's records
 * only in send order, without gaps; that is what makes "mark exactly the acknowledged
 * rows" preserve the order per aggregate;</li>
 * <li>string keys, byte-array values: the payload is already in the wire format;</li>
 * <li>no {@code transactional.id}: ordering and at-least-once need no Kafka
 * transactions.</li>
 * </ul>
 * Tunables ({@code linger.ms}, {@code batch.size}, {@code delivery.timeout.ms}, ...) stay
 * with {@code spring.kafka.producer.*}.
 */
final class RelayProducerFactory {

	private final Map<String, Object> configuration;

	private final MeterRegistry meters;

	/**
	 * @param springKafkaProducerConfiguration the producer configuration Spring Boot
	 * derived from {@code spring.kafka.*}
	 * @param meters where the producers' client metrics go
	 */
	RelayProducerFactory(Map<String, Object> springKafkaProducerConfiguration, MeterRegistry meters) {
		Map<String, Object> configuration = new HashMap<>(springKafkaProducerConfiguration);
		configuration.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		configuration.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		configuration.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		configuration.put(ProducerConfig.ACKS_CONFIG, "all");
		configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		this.configuration = Map.copyOf(configuration);
		this.meters = meters;
	}

	/**
	 * Longest time a batch can take from the first send to the last callback: a send
	 * blocks at most {@code max.block.ms} (metadata), and every record is completed
	 * within {@code delivery.timeout.ms}. Waiting longer than this means the producer is
	 * broken.
	 * @return the bound
	 */
	Duration completionBound() {
		return Duration.ofMillis(millis(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000))
			.plusMillis(millis(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000))
			.plusSeconds(5);
	}

	private long millis(String key, long kafkaDefault) {
		Object value = this.configuration.get(key);
		return (value != null) ? Long.parseLong(value.toString().trim()) : kafkaDefault;
	}

	/**
	 * @param source the source name, part of the client id and the metrics' tags
	 * @return a new producer and its metrics binding; the caller closes both
	 */
	RelayProducer create(String source) {
		Map<String, Object> configuration = withSerializers(
				Map.of(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source));
		KafkaProducer<String, byte[]> producer = new KafkaProducer<>(configuration);
		KafkaClientMetrics metrics = new KafkaClientMetrics(producer, Tags.of("source", source));
		metrics.bindTo(this.meters);
		return new RelayProducer(producer, metrics);
	}

	private Map<String, Object> withSerializers(Map<String, Object> extra) {
		Map<String, Object> configuration = new HashMap<>(this.configuration);
		configuration.putAll(extra);
		configuration.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		configuration.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return configuration;
	}

	/**
	 * A producer with its client metrics.
	 *
	 * @param producer the producer
	 * @param metrics its metrics binding, removed on close
	 */
	record RelayProducer(Producer<String, byte[]> producer, KafkaClientMetrics metrics) {

		/**
		 * Closes the producer, failing whatever it has not sent within the timeout.
		 * @param timeout {@link Duration#ZERO} to abandon unsent records at once
		 */
		void close(Duration timeout) {
			this.metrics.close();
			this.producer.close(timeout);
		}

	}

}
