package io.orderflow.messaging.outbox;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the service's {@code outbox} table inside the caller's transaction:
 * the state change and the event commit together or not at all. The payload is serialized
 * here, through the registry, into the Confluent wire format, so that the relay only
 * moves bytes.
 * <p>
 * Serialization needs the schema id: the first event of a type contacts the registry (and
 * fails fast if it is down), later ones use the serializer's cache.
 */
public class OutboxWriter {

	private final JdbcClient jdbc;

	private final AvroKafkaSerializer<SpecificRecord> serializer;

	private final TraceHeaders traceHeaders;

	private final JsonMapper json = JsonMapper.builder().build();

	public OutboxWriter(JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> serializer, TraceHeaders traceHeaders) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.traceHeaders = traceHeaders;
	}

	/**
	 * Appends an event; must be called inside a transaction.
	 * @param event the event
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(OutboxEvent event) {
		byte[] payload = this.serializer.serialize(event.topic(), event.payload());
		this.jdbc.sql("""
				INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers)
				VALUES (:eventId, :aggregateType, :aggregateId, :eventType, :topic, :payload, CAST(:headers AS jsonb))
				""")
			.param("eventId", event.eventId())
			.param("aggregateType", event.aggregateType())
			.param("aggregateId", event.aggregateId())
			.param("eventType", event.eventType())
			.param("topic", event.topic())
			.param("payload", payload)
			.param("headers", this.json.writeValueAsString(this.traceHeaders.current()))
			.update();
	}

}
