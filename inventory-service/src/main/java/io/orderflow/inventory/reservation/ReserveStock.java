package io.orderflow.inventory.reservation;

import java.util.List;
import java.util.Objects;

import io.orderflow.service.OrderId;

/**
 * Reserve the stock of every line of an order, or of none.
 *
 * @param orderId the order
 * @param customerId who ordered, not blank
 * @param lines what to reserve, not empty; a SKU may occur on several lines
 */
public record ReserveStock(OrderId orderId, String customerId, List<RequestedLine> lines) implements StockCommand {

	public ReserveStock {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		if (customerId.isBlank()) {
			throw new IllegalArgumentException("customerId must not be blank");
		}
		lines = List.copyOf(lines);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
	}

}
