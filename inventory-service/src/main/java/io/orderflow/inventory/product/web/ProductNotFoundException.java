package io.orderflow.inventory.product.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 for a SKU the catalogue does not know.
 */
class ProductNotFoundException extends ErrorResponseException {

	ProductNotFoundException(String sku) {
		super(HttpStatus.NOT_FOUND, problem(sku), null);
	}

	private static ProblemDetail problem(String sku) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product with SKU " + sku);
		problem.setTitle("Product not found");
		problem.setProperty("sku", sku);
		return problem;
	}

}
