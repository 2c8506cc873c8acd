package io.orderflow.inventory.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the outbox as the relay would, decoding each payload (Confluent wire format)
 * through the registry.
 */
final class OutboxRows implements AutoCloseable {

	private final JdbcClient jdbc;

	private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();

	OutboxRows(JdbcClient jdbc, SchemaRegistryProperties registry) {
		this.jdbc = jdbc;
		this.deserializer.configure(AvroSerdeSettings.deserializer(registry), false);
	}

	/**
	 * @param orderId an order
	 * @return the order's outbox rows in id order
	 */
	List<Row> forOrder(UUID orderId) {
		return this.jdbc.sql("""
				SELECT id, event_id, aggregate_type, aggregate_id, event_type, topic, payload
				FROM outbox WHERE aggregate_id = :orderId ORDER BY id
				""")
			.param("orderId", orderId.toString())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("event_type"),
					rs.getString("topic"),
					this.deserializer.deserialize(rs.getString("topic"), rs.getBytes("payload"))))
			.list();
	}

	/**
	 * @param orderId an order
	 * @return its only outbox row's payload
	 * @throws AssertionError when there is not exactly one row
	 */
	<T extends SpecificRecord> T single(UUID orderId, Class<T> type) {
		List<Row> rows = forOrder(orderId);
		if (rows.size() != 1) {
			throw new AssertionError("expected one outbox row for order " + orderId + " but found " + rows);
		}
		return type.cast(rows.get(0).payload());
	}

	/**
	 * @return how many events of each type the outbox holds for the given orders
	 */
	Map<String, Long> countByType(List<UUID> orderIds) {
		return this.jdbc.sql("""
				SELECT event_type, count(*) AS n FROM outbox
				WHERE aggregate_id = ANY(:ids) GROUP BY event_type
				""")
			.param("ids", orderIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("event_type"), rs.getLong("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public void close() {
		this.deserializer.close();
	}

	record Row(long id, UUID eventId, String aggregateType, String aggregateId, String eventType, String topic,
			SpecificRecord payload) {

	}

}
