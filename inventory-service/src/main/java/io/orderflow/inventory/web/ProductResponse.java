package io.orderflow.inventory.web;

import io.orderflow.inventory.product.ProductDetails;

/**
 * A product as {@code GET /products/{sku}} shows it.
 *
 * @param sku the SKU
 * @param name display name
 * @param unitPrice price of one unit
 * @param available units free to reserve
 * @param reserved units reserved for orders not sold yet
 */
record ProductResponse(String sku, String name, MoneyResponse unitPrice, int available, int reserved) {

	static ProductResponse of(ProductDetails product) {
		return new ProductResponse(product.sku().value(), product.name(),
				new MoneyResponse(product.unitPrice().amountMinor(), product.unitPrice().currency()),
				product.available(), product.reserved());
	}

	/**
	 * @param amountMinor amount in minor units
	 * @param currency ISO 4217 code
	 */
	record MoneyResponse(long amountMinor, String currency) {

	}

}
