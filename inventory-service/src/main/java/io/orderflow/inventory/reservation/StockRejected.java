package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.service.OrderId;

/**
 * No line of the order was reserved, because at least one could not be.
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param customerId who ordered
 * @param rejectedLines one per failing line, in order; never empty
 * @param occurredAt when
 */
public record StockRejected(UUID eventId, OrderId orderId, String customerId, List<RejectedLine> rejectedLines,
		Instant occurredAt) implements StockEvent {

	public StockRejected {
		rejectedLines = List.copyOf(rejectedLines);
		if (rejectedLines.isEmpty()) {
			throw new IllegalArgumentException("a rejection names at least one line");
		}
	}

}
