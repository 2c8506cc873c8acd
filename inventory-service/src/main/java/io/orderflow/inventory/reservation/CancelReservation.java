package io.orderflow.inventory.reservation;

import java.util.Objects;

import io.orderflow.service.OrderId;

/**
 * The order was cancelled (its payment failed, or its saga deadline passed): whatever is
 * reserved for it goes back to available, and an order that has not arrived yet is never
 * to reserve anything.
 *
 * @param orderId the order
 * @param customerId who ordered, not blank (kept on the tombstone of an order that has
 * not arrived)
 */
public record CancelReservation(OrderId orderId, String customerId) implements StockCommand {

	public CancelReservation {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		if (customerId.isBlank()) {
			throw new IllegalArgumentException("customerId must not be blank");
		}
	}

}
