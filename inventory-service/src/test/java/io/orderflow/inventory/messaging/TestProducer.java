package io.orderflow.inventory.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.testsupport.KafkaBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces records the way the other services do (Avro through the registry, Confluent
 * wire format), and records no service should ever produce (garbage, unknown schema id).
 * Every send waits for the broker's acknowledgment.
 */
final class TestProducer implements AutoCloseable {

	private final KafkaProducer<String, SpecificRecord> avro;

	private final KafkaProducer<String, byte[]> raw;

	TestProducer(SchemaRegistryProperties registry) {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(registry), false);
		this.avro = new KafkaProducer<>(config(), new StringSerializer(), serializer);
		this.raw = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
	}

	RecordMetadata send(String topic, Object key, SpecificRecord value) {
		return await(this.avro.send(new ProducerRecord<>(topic, key.toString(), value)));
	}

	RecordMetadata sendGarbage(String topic, Object key) {
		return sendBytes(topic, key, "definitely not avro".getBytes(StandardCharsets.UTF_8));
	}

	/** Magic byte 0, then a schema id the registry never handed out. */
	RecordMetadata sendUnknownSchemaId(String topic, Object key) {
		return sendBytes(topic, key, ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array());
	}

	private RecordMetadata sendBytes(String topic, Object key, byte[] value) {
		return await(this.raw.send(new ProducerRecord<>(topic, key.toString(), value)));
	}

	private static Map<String, Object> config() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
	}

	private static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> sent) {
		try {
			return sent.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("send failed", ex);
		}
	}

	@Override
	public void close() {
		this.avro.close();
		this.raw.close();
	}

}
