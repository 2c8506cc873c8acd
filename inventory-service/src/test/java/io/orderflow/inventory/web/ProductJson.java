package io.orderflow.inventory.web;

import java.util.UUID;

/**
 * Bodies of {@code PUT /products/{sku}} and fresh SKUs for tests.
 */
final class ProductJson {

	private ProductJson() {
	}

	static String product(String name, long priceMinor, String currency, int available) {
		return """
				{"name": "%s", "unitPriceMinor": %d, "currency": "%s", "available": %d}""".formatted(name, priceMinor,
				currency, available);
	}

	static String newSku() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
