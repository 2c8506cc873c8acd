package io.orderflow.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a service's outbox as the relay would, decoding each payload (Confluent wire
 * format) through the registry.
 */
public final class OutboxRows implements AutoCloseable {

	private final JdbcClient jdbc;

	private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();

	/**
	 * @param jdbc the service's database
	 * @param registry the registry the service serialized through
	 */
	public OutboxRows(JdbcClient jdbc, SchemaRegistryProperties registry) {
		this.jdbc = jdbc;
		this.deserializer.configure(AvroSerdeSettings.deserializer(registry), false);
	}

	/**
	 * @param aggregateId an aggregate id (the order id)
	 * @return its rows in outbox order
	 */
	public List<Row> forAggregate(Object aggregateId) {
		return this.jdbc.sql("""
				SELECT id, event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers::text AS headers
				FROM outbox WHERE aggregate_id = :aggregateId ORDER BY id
				""")
			.param("aggregateId", aggregateId.toString())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("event_type"),
					rs.getString("topic"), this.deserializer.deserialize(rs.getString("topic"), rs.getBytes("payload")),
					rs.getString("headers")))
			.list();
	}

	/**
	 * @param aggregateId an aggregate id
	 * @param type the payload type expected
	 * @return the payload of the aggregate's only row
	 * @throws AssertionError when there is not exactly one row, or it is of another type
	 */
	public <T extends SpecificRecord> T single(Object aggregateId, Class<T> type) {
		List<Row> rows = forAggregate(aggregateId);
		if (rows.size() != 1 || !type.isInstance(rows.get(0).payload())) {
			throw new AssertionError(
					"expected one " + type.getSimpleName() + " in the outbox of " + aggregateId + " but found " + rows);
		}
		return type.cast(rows.get(0).payload());
	}

	/**
	 * @param aggregateIds aggregate ids
	 * @return how many rows of each event type they have
	 */
	public Map<String, Long> countByType(List<?> aggregateIds) {
		return this.jdbc.sql("""
				SELECT event_type, count(*) AS n FROM outbox
				WHERE aggregate_id = ANY(:ids) GROUP BY event_type
				""")
			.param("ids", aggregateIds.stream().map(Object::toString).toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("event_type"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public void close() {
		this.deserializer.close();
	}

	/**
	 * One outbox row.
	 *
	 * @param id its position in the outbox
	 * @param eventId the event id
	 * @param aggregateType the aggregate type
	 * @param aggregateId the aggregate id (record key)
	 * @param eventType the Avro record name
	 * @param topic the destination topic
	 * @param payload the decoded payload
	 * @param headers the stored headers (JSON)
	 */
	public record Row(long id, UUID eventId, String aggregateType, String aggregateId, String eventType, String topic,
			SpecificRecord payload, String headers) {

		/**
		 * @return where the relay sends the row and what it says it carries, as one value
		 * to compare
		 */
		public Route route() {
			return new Route(this.aggregateType, this.aggregateId, this.topic, this.eventType);
		}

	}

	/**
	 * The columns of a row that route it: the record key is the aggregate id.
	 *
	 * @param aggregateType the aggregate type
	 * @param aggregateId the aggregate id (record key)
	 * @param topic the destination topic
	 * @param eventType the Avro record name ({@code event_type} header)
	 */
	public record Route(String aggregateType, String aggregateId, String topic, String eventType) {

	}

}
