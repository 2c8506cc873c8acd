package io.orderflow.inventory.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies of {@code PUT /products/{sku}} and fresh SKUs for tests.
 */
final class ProductJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProductJson() {
	}

	/** The body as JSON writes it: any name or currency, escaped. */
	static String product(String name, long priceMinor, String currency, int available) {
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("name", name);
		product.put("unitPriceMinor", priceMinor);
		product.put("currency", currency);
		product.put("available", available);
		return JSON.writeValueAsString(product);
	}

	static String newSku() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
