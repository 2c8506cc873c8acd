package io.orderflow.order.web;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what the service stored: outbox rows and orders.
 */
final class StoredRows {

	private final JdbcClient jdbc;

	StoredRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OutboxRow> outboxOf(String orderId) {
		return this.jdbc.sql("""
				SELECT event_id, aggregate_type, aggregate_id, event_type, topic, payload
				FROM outbox WHERE aggregate_id = :orderId ORDER BY id
				""").param("orderId", orderId).query(OutboxRow.class).list();
	}

	long ordersOf(String customerId) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :customerId")
			.param("customerId", customerId)
			.query(Long.class)
			.single();
	}

	record OutboxRow(UUID eventId, String aggregateType, String aggregateId, String eventType, String topic,
			byte[] payload) {

	}

}
