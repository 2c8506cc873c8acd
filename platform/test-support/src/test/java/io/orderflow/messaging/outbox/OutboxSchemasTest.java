package io.orderflow.messaging.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.SchemaRegistryServer;
import io.orderflow.testsupport.TcpForwarder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The registry is off the hot path: a service resolves the schemas of the topics it
 * writes once, and serializes with the registry gone; started without the registry, it is
 * not ready and refuses appends at once, until the registry answers. The registry is the
 * real one, reached through a forwarder that the test opens and closes.
 */
class OutboxSchemasTest {

	@Test
	void resolvedSchemasServeEveryAppendWithTheRegistryGone() throws Exception {
		try (TcpForwarder registry = forwarderToTheRegistry();
				AvroKafkaSerializer<SpecificRecord> serializer = serializer(registry)) {
			registry.start();
			OutboxSchemas schemas = new OutboxSchemas(serializer, List.of(Topics.ORDER_PLACED, Topics.ORDER_CONFIRMED));
			assertThat(schemas.resolve()).isTrue();
			assertThat(schemas.unresolved()).isEmpty();

			registry.close();

			OrderPlaced event = orderPlaced();
			schemas.checkWritable(Topics.ORDER_PLACED);
			byte[] payload = serializer.serialize(Topics.ORDER_PLACED, event);
			try (AvroKafkaDeserializer<OrderPlaced> deserializer = new AvroKafkaDeserializer<>()) {
				deserializer.configure(AvroSerdeSettings.deserializer(properties(SchemaRegistryServer.baseUrl())),
						false);
				assertThat(deserializer.deserialize(Topics.ORDER_PLACED, payload)).isEqualTo(event);
			}
		}
	}

	@Test
	void aServiceStartedWithoutTheRegistryIsNotReadyAndRefusesAppendsUntilItAnswers() throws Exception {
		try (TcpForwarder registry = forwarderToTheRegistry();
				AvroKafkaSerializer<SpecificRecord> serializer = serializer(registry)) {
			OutboxSchemas schemas = new OutboxSchemas(serializer, List.of(Topics.ORDER_PLACED));
			OutboxSchemasHealthIndicator health = new OutboxSchemasHealthIndicator(schemas);
			AtomicInteger resumed = new AtomicInteger();
			schemas.start();
			schemas.whenResolved(resumed::incrementAndGet);
			try {
				assertThatExceptionOfType(OutboxSchemaUnavailableException.class)
					.isThrownBy(() -> schemas.checkWritable(Topics.ORDER_PLACED))
					.withMessageContaining(Topics.ORDER_PLACED);
				Health down = health.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("unresolved", List.of(Topics.ORDER_PLACED))
					.containsKey("error");
				assertThat(resumed).hasValue(0);

				registry.start();

				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
				schemas.checkWritable(Topics.ORDER_PLACED);
				assertThat(resumed).hasValue(1);
				schemas.whenResolved(resumed::incrementAndGet);
				assertThat(resumed).hasValue(2);
			}
			finally {
				schemas.stop();
			}
		}
	}

	@Test
	void aTopicTheServiceDidNotDeclareIsRefused() throws Exception {
		try (TcpForwarder registry = forwarderToTheRegistry();
				AvroKafkaSerializer<SpecificRecord> serializer = serializer(registry)) {
			OutboxSchemas schemas = new OutboxSchemas(serializer, List.of(Topics.ORDER_PLACED));
			assertThatIllegalStateException().isThrownBy(() -> schemas.checkWritable(Topics.ORDER_CONFIRMED))
				.withMessageContaining("orderflow.outbox.topics");
		}
	}

	private static TcpForwarder forwarderToTheRegistry() {
		return new TcpForwarder(URI.create(SchemaRegistryServer.baseUrl()).getAuthority());
	}

	private static AvroKafkaSerializer<SpecificRecord> serializer(TcpForwarder registry) {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(properties("http://" + registry.address())), false);
		return serializer;
	}

	private static SchemaRegistryProperties properties(String url) {
		return new SchemaRegistryProperties(URI.create(url), true);
	}

}
