package io.orderflow.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.Sku;

/**
 * Body of {@code PUT /products/{sku}}. Components are nullable so that a missing one is
 * reported by name instead of defaulting to 0.
 *
 * @param name display name
 * @param unitPriceMinor price of one unit in minor units, {@code >= 0}
 * @param currency ISO 4217 code
 * @param available units free to reserve, {@code >= 0}
 */
record ProductRequest(@NotBlank @Size(max = 200) @Nullable String name,
		@NotNull @PositiveOrZero @Nullable Long unitPriceMinor, @NotNull @IsoCurrency @Nullable String currency,
		@NotNull @PositiveOrZero @Nullable Integer available) {

	/** Call only after validation. */
	@SuppressWarnings("NullAway")
	ProductDefinition toDefinition(String sku) {
		return new ProductDefinition(new Sku(sku), this.name, new Money(this.unitPriceMinor, this.currency),
				this.available);
	}

}
