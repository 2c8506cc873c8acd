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
 * here into the Confluent wire format, so that the relay only moves bytes.
 * <p>
 * Serialization needs the schema id, which {@link OutboxSchemas} resolved in the registry
 * when the service started and the serializer keeps for the life of the process:
 * appending never contacts the registry. An event whose topic's schema is not resolved
 * yet (the registry has not answered since the start) fails at once with
 * {@link OutboxSchemaUnavailableException}.
 */
public class OutboxWriter {

	private final JdbcClient jdbc;

	private final AvroKafkaSerializer<SpecificRecord> serializer;

	private final TraceHeaders traceHeaders;

	private final OutboxSchemas schemas;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param jdbc the service's database
	 * @param serializer the payload serializer, configured with
	 * {@code AvroSerdeSettings.serializer}
	 * @param traceHeaders the current trace, to carry through the outbox
	 * @param schemas the topics this service writes, resolved by the same serializer
	 */
	public OutboxWriter(JdbcClient jdbc, AvroKafkaSerializer<SpecificRecord> serializer, TraceHeaders traceHeaders,
			OutboxSchemas schemas) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.traceHeaders = traceHeaders;
		this.schemas = schemas;
	}

	/**
	 * Appends an event; must be called inside a transaction.
	 * @param event the event
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 * @throws OutboxSchemaUnavailableException when the schema of the event's topic is
	 * not resolved yet
	 * @throws IllegalStateException when the service did not declare the event's topic
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(OutboxEvent event) {
		this.schemas.checkWritable(event.topic());
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
