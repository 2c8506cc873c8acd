package io.orderflow.inventory.web;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import static io.orderflow.inventory.web.ProductJson.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Who may call the product API ({@link ProductAuthorization}): any valid token reads,
 * only {@code catalog:admin} defines. A request that passes reaches the catalogue, a mock
 * that answers as if the database were down (503); one that does not is 401 or 403 and
 * never reaches it.
 */
@WebMvcTest(ProductController.class)
@Import(ProductAuthorization.class)
class ProductAuthorizationTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalogue catalogue;

	@BeforeEach
	void databaseDown() {
		given(this.catalogue.define(any())).willThrow(new CannotCreateTransactionException("down"));
		given(this.catalogue.find(any())).willThrow(new CannotCreateTransactionException("down"));
	}

	@Test
	void aCustomerReadsAProductButMayNotDefineOne() throws Exception {
		assertThat(status(get("/products/SKU-1").with(Callers.customer("alice")))).isEqualTo(503);

		assertThat(status(define().with(Callers.customer("alice")))).isEqualTo(403);
	}

	@Test
	void theCatalogueAdminDefinesAProduct() throws Exception {
		assertThat(status(define().with(Callers.withScopes("orderflow-ops", "catalog:admin")))).isEqualTo(503);
	}

	@Test
	void otherAdminScopesMayNotDefineAProduct() throws Exception {
		assertThat(status(define().with(Callers.withScopes("orderflow-ops", "accounts:admin", "orders:admin", "ops"))))
			.isEqualTo(403);
	}

	@Test
	void withoutATokenNothingIsAnswered() throws Exception {
		org.mockito.Mockito.reset(this.catalogue);

		assertThat(status(get("/products/SKU-1"))).isEqualTo(401);
		assertThat(status(define())).isEqualTo(401);
		verifyNoInteractions(this.catalogue);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder define() {
		return put("/products/SKU-1").contentType(MediaType.APPLICATION_JSON).content(product("Widget", 100, "EUR", 1));
	}

	private int status(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
