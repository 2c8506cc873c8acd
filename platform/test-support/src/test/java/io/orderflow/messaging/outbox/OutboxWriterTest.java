package io.orderflow.messaging.outbox;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SchemaRegistryServer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The writing side of the outbox and the deduplication table, as a JDBC slice on the real
 * PostgreSQL schema (Flyway location {@code db/messaging}) and the real registry: a row
 * is written only inside the caller's transaction and goes with it, its payload is the
 * Confluent wire format; an event id is claimed once.
 */
@JdbcTest(properties = "spring.flyway.locations=classpath:db/messaging")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@RealInfrastructure
class OutboxWriterTest {

	@Autowired
	OutboxWriter outbox;

	@Autowired
	ProcessedEvents processedEvents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void appendsTheEventInTheWireFormatWithItsKeyAndType() {
		OrderPlaced event = orderPlaced(new OrderLine("SKU-1", 2));

		this.outbox.append(new OutboxEvent(event.getEventId(), "Order", event.getOrderId().toString(),
				Topics.ORDER_PLACED, event));

		Row row = this.jdbc
			.sql("SELECT event_id, aggregate_type, aggregate_id, event_type, topic, payload, "
					+ "headers::text AS headers, published_at IS NULL AS unpublished FROM outbox")
			.query(Row.class)
			.single();
		assertThat(row.eventId()).isEqualTo(event.getEventId());
		assertThat(row.aggregateType()).isEqualTo("Order");
		assertThat(row.aggregateId()).isEqualTo(event.getOrderId().toString());
		assertThat(row.eventType()).isEqualTo("OrderPlaced");
		assertThat(row.topic()).isEqualTo(Topics.ORDER_PLACED);
		assertThat(row.headers()).as("no trace without the agent").isEqualTo("{}");
		assertThat(row.unpublished()).isTrue();
		ByteBuffer payload = ByteBuffer.wrap(row.payload());
		assertThat(payload.get()).as("magic byte").isZero();
		assertThat(payload.getInt()).as("schema id").isPositive();
		try (AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>()) {
			deserializer.configure(AvroSerdeSettings.deserializer(registry()), false);
			assertThat(deserializer.deserialize(Topics.ORDER_PLACED, row.payload())).isEqualTo(event);
		}
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void writesNothingOutsideATransactionAndNothingOfARolledBackOne(
			@Autowired PlatformTransactionManager transactions) {
		OrderPlaced event = orderPlaced(new OrderLine("SKU-1", 2));
		OutboxEvent outboxEvent = new OutboxEvent(event.getEventId(), "Order", event.getOrderId().toString(),
				Topics.ORDER_PLACED, event);

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.append(outboxEvent));
		new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			this.outbox.append(outboxEvent);
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE event_id = ?")
			.param(event.getEventId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEventIdIsClaimedOnceAlsoWithinOneBatch() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		assertThat(this.processedEvents.claim(List.of(first), List.of(Topics.STOCK_RESERVED))).containsExactly(first);
		assertThat(this.processedEvents.claim(List.of(first, second, second),
				List.of(Topics.STOCK_RESERVED, Topics.PAYMENT_FAILED, Topics.PAYMENT_FAILED)))
			.as("a redelivery, and one id twice in a batch")
			.containsExactly(second);
		assertThat(this.processedEvents.claim(List.of(), List.of())).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)")
			.params(first, second)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void claimingNeedsTheEffectsTransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.processedEvents.claim(List.of(UUID.randomUUID()), List.of(Topics.STOCK_RESERVED)));
	}

	private static SchemaRegistryProperties registry() {
		return new SchemaRegistryProperties(URI.create(SchemaRegistryServer.baseUrl()), true);
	}

	record Row(UUID eventId, String aggregateType, String aggregateId, String eventType, String topic, byte[] payload,
			String headers, boolean unpublished) {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class Writers {

		@Bean(destroyMethod = "close")
		AvroKafkaSerializer<SpecificRecord> serializer() {
			AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
			serializer.configure(AvroSerdeSettings.serializer(registry()), false);
			return serializer;
		}

		@Bean
		OutboxSchemas outboxSchemas(AvroKafkaSerializer<SpecificRecord> serializer) {
			return new OutboxSchemas(serializer, List.of(Topics.ORDER_PLACED));
		}

		@Bean
		OutboxWriter outboxWriter(JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> serializer,
				OutboxSchemas schemas) {
			return new OutboxWriter(jdbc, serializer, new TraceHeaders(), schemas);
		}

		@Bean
		ProcessedEvents processedEvents(JdbcClient jdbc) {
			return new ProcessedEvents(jdbc);
		}

	}

}
