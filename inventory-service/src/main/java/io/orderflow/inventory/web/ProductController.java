package io.orderflow.inventory.web;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.inventory.product.Sku;
import io.orderflow.web.openapi.OpenApiAutoConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

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
@Tag(name = "products", description = "The catalogue: products, their prices and stock")
@RequestMapping("/products")
class ProductController {

	/** SKUs this API creates: letters, digits, {@code . _ -}, at most 64 characters. */
	static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private static final String SKU_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

	private final Catalogue catalogue;

	ProductController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Operation(summary = "Create or replace a product and its available stock (operators: catalog:admin)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", examples = @ExampleObject(name = "example", value = """
							{"name":"Keyboard","unitPriceMinor":4999,"currency":"EUR","available":100}"""))))
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "its URI"))
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

	@Operation(summary = "A product with its stock")
	@ApiResponse(responseCode = "404", description = "No such product", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = OpenApiAutoConfiguration.PROBLEM_REF),
			examples = @ExampleObject(name = "product-not-found",
					value = """
							{"type":"https://orderflow.io/problems/product-not-found","title":"Product not found","status":404,"detail":"There is no product with this SKU"}""")))
	@GetMapping("/{sku}")
	ProductResponse get(@PathVariable("sku") String sku) {
		if (!sku.matches(SKU)) {
			throw new ProductNotFoundException();
		}
		return this.catalogue.find(new Sku(sku)).map(ProductResponse::of).orElseThrow(ProductNotFoundException::new);
	}

}
