package io.orderflow.inventory.web;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.Sku;
import io.orderflow.web.SafeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /products/{sku}}. Components are nullable so that a missing one is
 * reported by name instead of defaulting to 0.
 * <p>
 * Prices and stock are bounded so that every order the saga can be sent is one it can
 * price: an order has at most 50 lines of at most 1000 units (order-service), so its
 * total is at most {@value #MAX_UNIT_PRICE_MINOR} x 50,000 = 5 x 10<sup>15</sup> minor
 * units, below 2<sup>53</sup> (about 9 x 10<sup>15</sup>: a JSON number any client reads
 * exactly, a JavaScript one included) and some 1,800 times below the largest
 * {@code long}. The price bound itself is 1,000,000,000.00 in a currency of two decimals,
 * 100,000,000,000 yen: above anything sold through an order line. Available stock is at
 * most {@value #MAX_AVAILABLE} units, half an {@code int}, which leaves room for what is
 * reserved (an order that would take a product's reserved units beyond an {@code int} is
 * rejected {@code OUT_OF_RANGE}, as is one whose total would not fit a {@code long}).
 *
 * @param name display name, 1 to {@value #MAX_NAME_LENGTH} characters of
 * {@link SafeText}, not blank
 * @param unitPriceMinor price of one unit in minor units, 0 to
 * {@value #MAX_UNIT_PRICE_MINOR}
 * @param currency ISO 4217 code
 * @param available units free to reserve, 0 to {@value #MAX_AVAILABLE}
 */
record ProductRequest(@NotBlank @SafeText(max = MAX_NAME_LENGTH) @Nullable String name,
		@NotNull @Range(min = 0, max = MAX_UNIT_PRICE_MINOR) @Nullable Long unitPriceMinor,
		@NotNull @IsoCurrency @Nullable String currency,
		@NotNull @Range(min = 0, max = MAX_AVAILABLE) @Nullable Integer available) {

	/** Most characters in a name (the database checks it as well). */
	static final int MAX_NAME_LENGTH = 200;

	/** Highest price of one unit, in minor units: 10<sup>11</sup>. */
	static final long MAX_UNIT_PRICE_MINOR = 100_000_000_000L;

	/** Most units available: 10<sup>9</sup>. */
	static final int MAX_AVAILABLE = 1_000_000_000;

	/** Call only after validation. */
	@SuppressWarnings("NullAway")
	ProductDefinition toDefinition(String sku) {
		return new ProductDefinition(new Sku(sku), this.name, new Money(this.unitPriceMinor, this.currency),
				this.available);
	}

}
