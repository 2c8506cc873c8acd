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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
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
		return create(hint, Map.of());
	}

	/**
	 * @param hint readable part of the name
	 * @param configs topic configuration, e.g. {@code max.message.bytes}
	 * @return the name of a new, empty topic with {@value #PARTITIONS} partitions
	 */
	String create(String hint, Map<String, String> configs) {
		String name = "relay-test." + hint + "." + UUID.randomUUID();
		try {
			this.admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1).configs(configs))).all().get();
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
	 * Sets one configuration value of a topic.
	 * @param topic the topic
	 * @param name the setting
	 * @param value its value
	 */
	void configure(String topic, String name, String value) {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try {
			this.admin
				.incrementalAlterConfigs(Map.of(resource,
						List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not configure topic " + topic, ex);
		}
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
