package io.orderflow.order;

import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order: which article and how many. Prices are not part of a line as
 * placed: inventory owns them.
 *
 * @param sku the article, {@value #SKU_PATTERN}
 * @param quantity units, {@value #MIN_QUANTITY} to {@value #MAX_QUANTITY}
 */
@Embeddable
public record OrderLine(@Column(name = "sku", nullable = false, length = 64) String sku,
		@Column(name = "quantity", nullable = false) int quantity) {

	/** What a SKU looks like. */
	public static final String SKU_PATTERN = "[A-Za-z0-9._-]{1,64}";

	/** Fewest units per line. */
	public static final int MIN_QUANTITY = 1;

	/** Most units per line. */
	public static final int MAX_QUANTITY = 1000;

	private static final Pattern SKU = Pattern.compile(SKU_PATTERN);

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		if (!SKU.matcher(sku).matches()) {
			throw new IllegalArgumentException("SKU must match " + SKU_PATTERN);
		}
		if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
			throw new IllegalArgumentException(
					"quantity must be between " + MIN_QUANTITY + " and " + MAX_QUANTITY + ": " + quantity);
		}
	}

}
