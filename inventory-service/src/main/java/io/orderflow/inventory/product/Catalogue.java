package io.orderflow.inventory.product;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: operators create or replace products and their available stock.
 */
@Service
public class Catalogue {

	private final Products products;

	private final Clock clock;

	Catalogue(Products products, Clock clock) {
		this.products = products;
		this.clock = clock;
	}

	/**
	 * Creates the product or replaces its catalogue data and available stock; units
	 * reserved for orders stay reserved. Locks the product row, so that it does not race
	 * with reservations.
	 * @param definition the product
	 * @return the product afterwards, and whether it was created
	 * @throws org.springframework.dao.DataIntegrityViolationException when a concurrent
	 * request created the same product first
	 */
	@Transactional
	public Defined define(ProductDefinition definition) {
		Optional<Product> existing = this.products.findForUpdate(definition.sku().value());
		if (existing.isPresent()) {
			existing.get().redefine(definition, this.clock.instant());
			return new Defined(existing.get().details(), false);
		}
		Product created = this.products.saveAndFlush(new Product(definition, this.clock.instant()));
		return new Defined(created.details(), true);
	}

	/**
	 * @param sku a SKU
	 * @return the product, or empty when the SKU is unknown
	 */
	@Transactional(readOnly = true)
	public Optional<ProductDetails> find(Sku sku) {
		return this.products.findById(sku.value()).map(Product::details);
	}

	/**
	 * The outcome of {@link #define}.
	 *
	 * @param product the product as stored
	 * @param created whether the product was new
	 */
	public record Defined(ProductDetails product, boolean created) {

	}

}
