package io.orderflow.relay.outbox;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.core.env.Environment;

/**
 * Topics of the real test broker: each test gets fresh ones, so that tests sharing the
 * JVM's broker never see each other's records.
 */
final class KafkaTopics implements AutoCloseable {

	static final int PARTITIONS = 3;

	private final String bootstrapServers;

	private final String registryUrl;

	private final Admin admin;

	private KafkaTopics(String bootstrapServers, String registryUrl) {
		this.bootstrapServers = bootstrapServers;
		this.registryUrl = registryUrl;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	static KafkaTopics of(Environment environment) {
		return new KafkaTopics(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				environment.getRequiredProperty("orderflow.schema-registry.url"));
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * @param hint readable part of the name
	 * @return the name of a new, empty topic with {@value #PARTITIONS} partitions
	 */
	String create(String hint) {
		String name = "relay-test." + hint + "." + UUID.randomUUID();
		try {
			this.admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not create topic " + name, ex);
		}
		return name;
	}

	/**
	 * @param topic a topic
	 * @return a reader of the topic from its beginning, values decoded through the
	 * registry
	 */
	TopicReader reader(String topic) {
		Map<String, Object> config = new HashMap<>(
				AvroSerdeSettings.deserializer(new SchemaRegistryProperties(URI.create(this.registryUrl), false)));
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new TopicReader(topic, PARTITIONS, config);
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
