package io.orderflow.inventory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.inventory.product.Sku;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code PUT /products/{sku}} creates a product or replaces its catalogue data and
 * available stock (201 with {@code Location} on create, 200 on update); {@code GET
 * /products/{sku}} shows it with its stock (404 when unknown).
 */
@RestController
@RequestMapping("/products")
class ProductController {

	/** SKUs this API creates: letters, digits, {@code . _ -}, at most 64 characters. */
	static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private static final String SKU_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

	private final Catalogue catalogue;

	ProductController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PutMapping("/{sku}")
	ResponseEntity<ProductResponse> put(@PathVariable("sku") @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
			@Valid @RequestBody ProductRequest request) {
		Catalogue.Defined defined = this.catalogue.define(request.toDefinition(sku));
		ProductResponse body = ProductResponse.of(defined.product());
		if (defined.created()) {
			return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
				.body(body);
		}
		return ResponseEntity.ok(body);
	}

	@GetMapping("/{sku}")
	ProductResponse get(@PathVariable("sku") String sku) {
		if (!sku.matches(SKU)) {
			throw new ProductNotFoundException();
		}
		return this.catalogue.find(new Sku(sku)).map(ProductResponse::of).orElseThrow(ProductNotFoundException::new);
	}

}
