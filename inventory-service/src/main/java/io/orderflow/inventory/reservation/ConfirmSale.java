package io.orderflow.inventory.reservation;

import java.util.Objects;

import io.orderflow.service.OrderId;

/**
 * The stock reserved for an order is sold (the order was confirmed).
 *
 * @param orderId the order
 */
public record ConfirmSale(OrderId orderId) implements StockCommand {

	public ConfirmSale {
		Objects.requireNonNull(orderId, "orderId");
	}

}
