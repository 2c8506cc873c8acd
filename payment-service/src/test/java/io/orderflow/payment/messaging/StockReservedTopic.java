package io.orderflow.payment.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.KafkaBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test fixture: writes to the StockReserved topic like inventory-service's relay does
 * (Avro through the registry, keyed by the order id), or writes raw bytes.
 */
final class StockReservedTopic implements AutoCloseable {

	private final KafkaProducer<String, SpecificRecord> avro;

	private final KafkaProducer<String, byte[]> raw;

	StockReservedTopic(SchemaRegistryProperties registry) {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(registry), false);
		this.avro = new KafkaProducer<>(config(), new StringSerializer(), serializer);
		this.raw = new KafkaProducer<>(config(), new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends an event keyed by its order id and waits for the broker's acknowledgment. */
	RecordMetadata send(StockReserved event) {
		return send(event.getOrderId().toString(), event);
	}

	RecordMetadata send(String key, SpecificRecord event) {
		return acknowledged(this.avro.send(new ProducerRecord<>(Topics.STOCK_RESERVED, key, event)));
	}

	/** Sends many events at once, then waits for all acknowledgments. */
	void sendAll(List<StockReserved> events) {
		List<Future<RecordMetadata>> sent = events.stream()
			.map((event) -> this.avro
				.send(new ProducerRecord<>(Topics.STOCK_RESERVED, event.getOrderId().toString(), event)))
			.toList();
		sent.forEach(StockReservedTopic::acknowledged);
	}

	RecordMetadata sendRaw(String key, byte[] value) {
		return acknowledged(this.raw.send(new ProducerRecord<>(Topics.STOCK_RESERVED, key, value)));
	}

	/** Bytes that are not Avro in any wire format. */
	static byte[] garbage() {
		return "definitely not avro".getBytes(StandardCharsets.UTF_8);
	}

	/** Confluent framing (magic byte 0) with a schema id the registry does not know. */
	static byte[] unknownSchemaId() {
		return ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array();
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

	private static RecordMetadata acknowledged(Future<RecordMetadata> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("send failed", ex.getCause());
		}
	}

}
