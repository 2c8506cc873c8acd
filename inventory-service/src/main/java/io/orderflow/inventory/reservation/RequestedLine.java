package io.orderflow.inventory.reservation;

import java.util.Objects;

import io.orderflow.inventory.product.Sku;

/**
 * A line of an order: how many units of which product.
 *
 * @param sku the product
 * @param quantity units, {@code > 0}
 */
public record RequestedLine(Sku sku, int quantity) {

	public RequestedLine {
		Objects.requireNonNull(sku, "sku");
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
	}

}
