package io.orderflow.relay.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;

/**
 * Test events: {@code OrderPlaced} with realistic content.
 */
final class Events {

	private Events() {
	}

	static OutboxEvent orderPlaced(String topic) {
		return orderPlaced(topic, UUID.randomUUID().toString(), 1);
	}

	/**
	 * @param topic destination topic
	 * @param orderId the aggregate (a UUID, as text)
	 * @param sequence the aggregate's version; becomes the first line's quantity
	 * @return a new event with a fresh event id
	 */
	static OutboxEvent orderPlacedWithLines(String topic, String orderId, int lines) {
		UUID eventId = UUID.randomUUID();
		// random SKUs: the record stays large after compression
		OrderPlaced payload = new OrderPlaced(eventId, UUID.fromString(orderId),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), "customer-42",
				java.util.stream.IntStream.range(0, lines)
					.mapToObj((i) -> new OrderLine("SKU-" + UUID.randomUUID(), i + 1))
					.toList());
		return new OutboxEvent(eventId, "Order", orderId, topic, payload);
	}

	static OutboxEvent orderPlaced(String topic, String orderId, int sequence) {
		UUID eventId = UUID.randomUUID();
		OrderPlaced payload = new OrderPlaced(eventId, UUID.fromString(orderId),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), "customer-42",
				List.of(new OrderLine("SKU-" + sequence, sequence), new OrderLine("SKU-BOOK", 2)));
		return new OutboxEvent(eventId, "Order", orderId, topic, payload);
	}

}
