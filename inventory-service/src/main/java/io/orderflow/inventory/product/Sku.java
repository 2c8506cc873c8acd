package io.orderflow.inventory.product;

import java.util.Objects;

/**
 * A stock-keeping unit: the id of a product. Orders may name SKUs this service does not
 * know; those are rejected, so any non-blank text is a SKU here (the HTTP API restricts
 * the SKUs it creates further).
 *
 * @param value the SKU, never blank
 */
public record Sku(String value) implements Comparable<Sku> {

	public Sku {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("a SKU must not be blank");
		}
	}

	@Override
	public int compareTo(Sku other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
