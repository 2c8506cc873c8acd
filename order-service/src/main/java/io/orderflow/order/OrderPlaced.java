package io.orderflow.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was accepted and awaits stock reservation.
 *
 * @param eventId unique id of the event
 * @param orderId the new order
 * @param occurredAt when the order was placed (UTC, millisecond precision)
 * @param customerId who placed it
 * @param lines what was ordered, at least one line, SKUs unique
 */
public record OrderPlaced(UUID eventId, OrderId orderId, Instant occurredAt, String customerId,
		List<OrderLine> lines) implements OrderEvent {

	public OrderPlaced {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(customerId, "customerId");
		lines = List.copyOf(lines);
	}

}
