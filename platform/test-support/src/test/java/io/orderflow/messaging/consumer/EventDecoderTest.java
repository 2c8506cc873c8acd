package io.orderflow.messaging.consumer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.service.TransientFailures;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.SchemaRegistryServer;
import io.orderflow.testsupport.TcpForwarder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the consumer pipeline's decoder makes of a record, against the real registry
 * reached through a forwarder the test closes: bytes it can never read are permanent
 * failures, a registry it cannot reach is a transient one, and a schema once resolved
 * needs the registry no more.
 */
class EventDecoderTest {

	@Test
	void decodesThroughTheRegistryAndKeepsWhatItResolvedWithTheRegistryGone() throws Exception {
		OrderPlaced event = SagaEvents.orderPlaced();
		byte[] bytes = serialize(Topics.ORDER_PLACED, event);
		try (TcpForwarder registry = forwarderToTheRegistry(); EventDecoder decoder = decoder(registry)) {
			registry.start();
			assertThat(decoder.decode(record(Topics.ORDER_PLACED, bytes))).isEqualTo(event);

			registry.close();

			assertThat(decoder.decode(record(Topics.ORDER_PLACED, bytes))).isEqualTo(event);
		}
	}

	@Test
	void aSchemaThatCannotBeResolvedWhileTheRegistryIsDownIsATransientFailure() throws Exception {
		StockReserved event = SagaEvents.stockReserved(java.util.UUID.randomUUID(), "alice", 1_999);
		byte[] bytes = serialize(Topics.STOCK_RESERVED, event);
		try (TcpForwarder registry = forwarderToTheRegistry(); EventDecoder decoder = decoder(registry)) {
			assertThatExceptionOfType(EventSchemaUnavailableException.class)
				.isThrownBy(() -> decoder.decode(record(Topics.STOCK_RESERVED, bytes)))
				.withMessageContaining(Topics.STOCK_RESERVED + "-0@7")
				.satisfies((ex) -> assertThat(TransientFailures.isTransient(ex)).isTrue());

			registry.start();

			assertThat(decoder.decode(record(Topics.STOCK_RESERVED, bytes))).isEqualTo(event);
		}
	}

	@Test
	void bytesThatCanNeverBeReadArePermanentFailures() throws Exception {
		byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
		byte[] unknownContentId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array();
		try (TcpForwarder registry = forwarderToTheRegistry(); EventDecoder decoder = decoder(registry)) {
			registry.start();
			assertThatExceptionOfType(NonRetryableEventException.class)
				.isThrownBy(() -> decoder.decode(record(Topics.ORDER_PLACED, garbage)))
				.satisfies((ex) -> assertThat(TransientFailures.isTransient(ex)).isFalse());
			assertThatExceptionOfType(NonRetryableEventException.class)
				.isThrownBy(() -> decoder.decode(record(Topics.ORDER_PLACED, unknownContentId)))
				.satisfies((ex) -> assertThat(TransientFailures.isTransient(ex)).isFalse());
		}
	}

	@Test
	void aValueThatIsNotBytesIsTakenAsItIs() throws Exception {
		OrderPlaced event = SagaEvents.orderPlaced();
		try (TcpForwarder registry = forwarderToTheRegistry(); EventDecoder decoder = decoder(registry)) {
			assertThat(decoder.decode(record(Topics.ORDER_PLACED, event))).isSameAs(event);
			assertThat(decoder.decode(record(Topics.ORDER_PLACED, null))).isNull();
		}
	}

	private static ConsumerRecord<String, Object> record(String topic, Object value) {
		return new ConsumerRecord<>(topic, 0, 7, "key", value);
	}

	private static byte[] serialize(String topic, SpecificRecord event) {
		try (AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>()) {
			serializer.configure(AvroSerdeSettings.serializer(properties(SchemaRegistryServer.baseUrl())), false);
			return serializer.serialize(topic, event);
		}
	}

	private static EventDecoder decoder(TcpForwarder registry) {
		AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
		deserializer.configure(AvroSerdeSettings.deserializer(properties("http://" + registry.address())), false);
		return new EventDecoder(deserializer);
	}

	private static TcpForwarder forwarderToTheRegistry() {
		return new TcpForwarder(URI.create(SchemaRegistryServer.baseUrl()).getAuthority());
	}

	private static SchemaRegistryProperties properties(String url) {
		return new SchemaRegistryProperties(URI.create(url), true);
	}

}
