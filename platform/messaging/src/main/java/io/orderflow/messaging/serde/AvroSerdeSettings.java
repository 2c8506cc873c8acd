package io.orderflow.messaging.serde;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

/**
 * The one place where the Apicurio serdes are told to speak the Confluent wire format:
 * magic byte {@code 0}, a 4-byte schema id, Avro binary; the id is the registry's content
 * id, which is what its Confluent-compatible API
 * ({@code /apis/ccompat/v7/schemas/ids/{id}}) serves, so Confluent clients in other
 * languages read our topics.
 */
public final class AvroSerdeSettings {

	private static final Duration CACHE_LIFETIME = Duration.ofDays(365L * 100);

	private AvroSerdeSettings() {
	}

	/**
	 * Settings for {@link AvroKafkaSerializer}.
	 * @param registry where the registry is and whether to register schemas
	 * @return serializer configuration
	 */
	public static Map<String, Object> serializer(SchemaRegistryProperties registry) {
		Map<String, Object> config = common(registry);
		config.put("apicurio.registry.auto-register", registry.autoRegister());
		// reuse the registered version when the content matches, else add a version
		// (subject to BACKWARD)
		config.put("apicurio.registry.auto-register.if-exists", "RETURN_OR_UPDATE");
		config.put("apicurio.registry.find-latest", true);
		return config;
	}

	/**
	 * Settings for {@link AvroKafkaDeserializer}, reading into the generated
	 * {@code SpecificRecord} classes.
	 * @param registry where the registry is
	 * @return deserializer configuration
	 */
	public static Map<String, Object> deserializer(SchemaRegistryProperties registry) {
		Map<String, Object> config = common(registry);
		config.put("apicurio.registry.use-specific-avro-reader", true);
		return config;
	}

	private static Map<String, Object> common(SchemaRegistryProperties registry) {
		Map<String, Object> config = new HashMap<>();
		config.put("apicurio.registry.url", registry.apiUrl());
		// Confluent framing: 4-byte id after the magic byte, no Apicurio headers
		config.put("apicurio.registry.id-handler", Legacy4ByteIdHandler.class.getName());
		config.put("apicurio.registry.use-id", "contentId");
		config.put("apicurio.registry.headers.enabled", false);
		// what the registry answered is kept for the life of the process: a content id
		// always denotes the same schema, and a writer schema compiled into this build
		// always gets the same id. The serdes' default (30 s) made every caller ask the
		// registry again each time an entry expired, all at once under load: at 100
		// orders/s on a new registry that storm took most of a core and exhausted
		// order-service's connection pool
		config.put("apicurio.registry.check-period-ms", CACHE_LIFETIME.toMillis());
		return config;
	}

}
