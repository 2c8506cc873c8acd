package io.orderflow.inventory.product;

import java.util.Objects;

/**
 * Catalogue data and available stock of a product, as an operator sets them.
 *
 * @param sku the product
 * @param name display name, not blank
 * @param unitPrice price of one unit
 * @param available units free to reserve, {@code >= 0}
 */
public record ProductDefinition(Sku sku, String name, Money unitPrice, int available) {

	public ProductDefinition {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unitPrice, "unitPrice");
		if (name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		if (available < 0) {
			throw new IllegalArgumentException("available must not be negative: " + available);
		}
	}

}
