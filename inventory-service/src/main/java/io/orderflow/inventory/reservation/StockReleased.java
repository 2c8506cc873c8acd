package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.service.OrderId;

/**
 * The stock reserved for an order is available again (compensation after a failed
 * payment).
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param lines what went back, one line per SKU of the reservation
 * @param occurredAt when
 */
public record StockReleased(UUID eventId, OrderId orderId, List<ReleasedLine> lines,
		Instant occurredAt) implements StockEvent {

	public StockReleased {
		lines = List.copyOf(lines);
	}

}
