package io.orderflow.inventory.messaging;

import java.util.UUID;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.Sku;

/**
 * {@code aProduct().priced(250).available(10).build()}: a product with a SKU of its own
 * (tests share nothing, not even SKUs).
 */
final class ProductBuilder {

	private final String sku = "T-" + UUID.randomUUID().toString().substring(0, 8);

	private long priceMinor = 100;

	private String currency = "EUR";

	private int available = 10;

	private ProductBuilder() {
	}

	static ProductBuilder aProduct() {
		return new ProductBuilder();
	}

	ProductBuilder priced(long priceMinor) {
		this.priceMinor = priceMinor;
		return this;
	}

	ProductBuilder in(String currency) {
		this.currency = currency;
		return this;
	}

	ProductBuilder available(int available) {
		this.available = available;
		return this;
	}

	ProductDefinition build() {
		return new ProductDefinition(new Sku(this.sku), "Product " + this.sku,
				new Money(this.priceMinor, this.currency), this.available);
	}

}
