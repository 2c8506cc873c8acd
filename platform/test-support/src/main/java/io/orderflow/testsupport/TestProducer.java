package io.orderflow.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces to the JVM's broker the way the relay does (Avro through the registry,
 * Confluent wire format, keyed by the order id, {@code acks=all}), and what no service
 * should ever produce (garbage, an unknown schema id). Every send waits for the broker's
 * acknowledgment.
 */
public final class TestProducer implements AutoCloseable {

	private static final long TIMEOUT_SECONDS = 30;

	private final KafkaProducer<String, SpecificRecord> avro;

	private final KafkaProducer<String, byte[]> raw;

	/**
	 * @param registry the registry the service under test reads schemas from
	 */
	public TestProducer(SchemaRegistryProperties registry) {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(registry), false);
		this.avro = new KafkaProducer<>(config(), new StringSerializer(), serializer);
		this.raw = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends a saga event keyed by its {@code orderId}, as the relay does.
	 * @param topic the topic
	 * @param event a saga event (every one has an {@code orderId})
	 * @return where it landed
	 */
	public RecordMetadata send(String topic, SpecificRecord event) {
		return send(topic, SagaRecords.orderId(event), event);
	}

	/**
	 * @param topic the topic
	 * @param key the record key
	 * @param value the value
	 * @return where it landed
	 */
	public RecordMetadata send(String topic, Object key, SpecificRecord value) {
		return acknowledged(this.avro.send(new ProducerRecord<>(topic, key.toString(), value)));
	}

	/**
	 * Sends many events at once, each keyed by its order id, then waits for every
	 * acknowledgment.
	 * @param topic the topic
	 * @param events the events
	 */
	public void sendAll(String topic, List<? extends SpecificRecord> events) {
		List<Future<RecordMetadata>> sent = events.stream()
			.map((event) -> this.avro
				.send(new ProducerRecord<>(topic, SagaRecords.orderId(event).toString(), (SpecificRecord) event)))
			.toList();
		sent.forEach(TestProducer::acknowledged);
	}

	/**
	 * @param topic the topic
	 * @param key the record key
	 * @param value bytes as they are
	 * @return where it landed
	 */
	public RecordMetadata sendRaw(String topic, Object key, byte[] value) {
		return acknowledged(this.raw.send(new ProducerRecord<>(topic, key.toString(), value)));
	}

	/** Bytes that are not Avro in any wire format. */
	public RecordMetadata sendGarbage(String topic, Object key) {
		return sendRaw(topic, key, "definitely not avro".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Confluent framing (magic byte 0) with a schema id the registry never handed out.
	 */
	public RecordMetadata sendUnknownSchemaId(String topic, Object key) {
		return sendRaw(topic, key, ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array());
	}

	@Override
	public void close() {
		this.avro.close();
		this.raw.close();
	}

	private static Map<String, Object> config() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
	}

	private static RecordMetadata acknowledged(Future<RecordMetadata> sent) {
		try {
			return sent.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("send failed", ex);
		}
	}

}
