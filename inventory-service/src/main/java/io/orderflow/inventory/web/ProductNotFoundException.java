package io.orderflow.inventory.web;

import io.orderflow.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * {@code 404 product-not-found}: the catalogue does not know the SKU (or it is not a SKU
 * at all).
 */
class ProductNotFoundException extends ProblemException {

	ProductNotFoundException() {
		// the SKU is in the problem's instance (the request path); not echoed here, it
		// may be
		// any text
		super(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", "There is no product with this SKU");
	}

}
