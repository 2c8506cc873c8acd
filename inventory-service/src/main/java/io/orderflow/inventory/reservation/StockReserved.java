package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Money;
import io.orderflow.service.OrderId;

/**
 * Every line of the order was reserved.
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param customerId who ordered
 * @param lines the order's lines, in order, priced; all in one currency
 * @param total sum of the line totals
 * @param occurredAt when
 */
public record StockReserved(UUID eventId, OrderId orderId, String customerId, List<PricedLine> lines, Money total,
		Instant occurredAt) implements StockEvent {

	public StockReserved {
		lines = List.copyOf(lines);
	}

}
