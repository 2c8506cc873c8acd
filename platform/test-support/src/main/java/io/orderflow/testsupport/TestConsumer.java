package io.orderflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.orderflow.messaging.consumer.TopicScan;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The kit's consumer, the counterpart of {@link TestProducer}: reads a topic of the JVM's
 * broker from the beginning to its current end, decoding values through the registry,
 * without joining a consumer group.
 */
public final class TestConsumer {

	private TestConsumer() {
	}

	/**
	 * @param topic the topic
	 * @param key only records with this key
	 * @param <T> the generated Avro class
	 * @return the matching records' values, in offset order
	 */
	@SuppressWarnings("unchecked")
	public static <T> List<T> read(String topic, String key) {
		AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
		deserializer.configure(
				AvroSerdeSettings.deserializer(
						new SchemaRegistryProperties(java.net.URI.create(SchemaRegistryServer.baseUrl()), false)),
				false);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<T> values = new ArrayList<>();
		try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				deserializer)) {
			TopicScan.fromBeginning(consumer, topic, (record) -> {
				if (key.equals(record.key())) {
					values.add((T) record.value());
				}
			});
		}
		return values;
	}

}
