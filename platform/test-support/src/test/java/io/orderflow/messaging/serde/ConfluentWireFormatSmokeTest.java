package io.orderflow.messaging.serde;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.consumer.EventDecoder;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Foundation smoke test: a Spring Boot application publishes an {@link OrderPlaced}
 * through the Apicurio serde to the real broker and reads it back as the generated class;
 * the bytes on the topic are in the Confluent wire format and their schema id resolves
 * through the registry's Confluent-compatible API.
 */
@SpringBootTest(classes = ConfluentWireFormatSmokeTest.SmokeApp.class,
		properties = { "spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.group-id=smoke" })
@RealInfrastructure
class ConfluentWireFormatSmokeTest {

	static final Queue<ConsumerRecord<String, OrderPlaced>> RECEIVED = new ConcurrentLinkedQueue<>();

	@Autowired
	KafkaTemplate<String, Object> template;

	@Test
	void orderPlacedTravelsInConfluentWireFormatAndReadsBackAsGeneratedClass() throws Exception {
		OrderPlaced placed = SagaEvents.orderPlaced(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1));

		this.template.send(Topics.ORDER_PLACED, placed.getOrderId().toString(), placed).get();

		// other test classes of this JVM share the broker and topic: wait for our own
		// event
		ConsumerRecord<String, OrderPlaced> received = await().atMost(Duration.ofSeconds(30))
			.until(() -> RECEIVED.stream()
				.filter((record) -> record.value().getEventId().equals(placed.getEventId()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(received.key()).isEqualTo(placed.getOrderId().toString());
		assertThat(received.value()).isInstanceOf(OrderPlaced.class).isEqualTo(placed);

		byte[] raw = rawValueAt(received.partition(), received.offset());
		assertThat(raw[0]).as("Confluent magic byte").isZero();
		int schemaId = ByteBuffer.wrap(raw, 1, 4).getInt();

		var response = SchemaRegistryServer.get("/apis/ccompat/v7/schemas/ids/" + schemaId);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = new ObjectMapper().readTree(response.body());
		Schema registered = new Schema.Parser().parse(body.get("schema").asText());
		assertThat(registered).isEqualTo(OrderPlaced.getClassSchema());

		var versions = SchemaRegistryServer.get("/apis/ccompat/v7/subjects/" + Topics.ORDER_PLACED + "-value/versions");
		assertThat(versions.statusCode()).isEqualTo(200);
	}

	private static byte[] rawValueAt(int partition, long offset) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			var topicPartition = new org.apache.kafka.common.TopicPartition(Topics.ORDER_PLACED, partition);
			consumer.assign(List.of(topicPartition));
			consumer.seek(topicPartition, offset);
			for (int attempt = 0; attempt < 50; attempt++) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return record.value();
					}
				}
			}
		}
		throw new AssertionError("record at offset " + offset + " not readable as bytes");
	}

	@SpringBootApplication
	static class SmokeApp {

		@Bean
		DefaultKafkaProducerFactoryCustomizer avroProducer(SchemaRegistryProperties registry) {
			return (factory) -> {
				Map<String, Object> config = new java.util.HashMap<>(AvroSerdeSettings.serializer(registry));
				config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
				config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
				factory.updateConfigs(config);
			};
		}

		private final EventDecoder decoder;

		SmokeApp(EventDecoder decoder) {
			this.decoder = decoder;
		}

		// one record at a time: this listener reads the wire format, not the suite's
		// pipeline (whose listeners are batch listeners); the container delivers the
		// bytes, the pipeline's decoder reads them into the generated class
		@KafkaListener(topics = Topics.ORDER_PLACED, batch = "false")
		void on(ConsumerRecord<String, byte[]> record) {
			RECEIVED.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
					(OrderPlaced) this.decoder.decode(record)));
		}

	}

}
