package io.orderflow.inventory.reservation;

import java.util.Objects;

import io.orderflow.service.OrderId;

/**
 * Release the stock reserved for an order (its payment failed).
 *
 * @param orderId the order
 */
public record ReleaseStock(OrderId orderId) implements StockCommand {

	public ReleaseStock {
		Objects.requireNonNull(orderId, "orderId");
	}

}
