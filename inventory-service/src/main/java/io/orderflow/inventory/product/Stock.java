package io.orderflow.inventory.product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access to stock levels for reservations: the rows of the products an order needs,
 * locked until the caller's transaction ends.
 */
@Component
public class Stock {

	private final Products products;

	Stock(Products products) {
		this.products = products;
	}

	/**
	 * Locks the products with the given SKUs, in SKU order (deadlock-free against any
	 * other transaction that locks products through this method). Must run inside a
	 * transaction.
	 * @param skus the SKUs; unknown ones are simply absent from the result
	 * @return the known products by SKU, in SKU order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Sku, Product> lock(Collection<Sku> skus) {
		SortedSet<String> sorted = new TreeSet<>();
		skus.forEach((sku) -> sorted.add(sku.value()));
		Map<Sku, Product> locked = new LinkedHashMap<>();
		if (sorted.isEmpty()) {
			return locked;
		}
		for (Product product : this.products.findAllForUpdateOrderBySku(sorted)) {
			locked.put(product.sku(), product);
		}
		return locked;
	}

}
