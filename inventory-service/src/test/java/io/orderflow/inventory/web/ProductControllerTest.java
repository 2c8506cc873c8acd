package io.orderflow.inventory.web;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ProblemResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.CannotCreateTransactionException;

import static io.orderflow.inventory.web.ProductJson.newSku;
import static io.orderflow.inventory.web.ProductJson.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * How {@code PUT/GET /products/{sku}} answers bad input and failing dependencies: the
 * platform's problem details, as every service answers them. A slice of the web layer;
 * the catalogue is a mock.
 */
@WebMvcTest(ProductController.class)
@Import(Callers.Operator.class)
class ProductControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalogue catalogue;

	@Test
	void invalidFieldsAreA400ProblemNamingEachField() throws Exception {
		ProblemResponse response = put(newSku(), """
				{"name": " ", "unitPriceMinor": -1, "currency": "eur", "available": -5}""");

		assertInvalid(response, "name", "unitPriceMinor", "currency", "available");
	}

	@Test
	void missingFieldsAreNamedInsteadOfDefaulting() throws Exception {
		assertInvalid(put(newSku(), "{}"), "name", "unitPriceMinor", "currency", "available");
	}

	@Test
	void currencyMustBeAnIso4217Code() throws Exception {
		assertInvalid(put(newSku(), product("X", 100, "ABC", 1)), "currency");
	}

	@Test
	void valuesOfTheWrongTypeAreNamed() throws Exception {
		assertInvalid(put(newSku(), """
				{"name": "X", "unitPriceMinor": 100, "currency": "EUR", "available": "plenty"}"""), "available");
		assertInvalid(put(newSku(), """
				{"name": "X", "unitPriceMinor": 12.5, "currency": "EUR", "available": 1}"""), "unitPriceMinor");
		assertInvalid(put(newSku(), """
				{"name": "X", "unitPriceMinor": "1250", "currency": "EUR", "available": 1}"""), "unitPriceMinor");
	}

	@Test
	void anInvalidSkuIsNamed() throws Exception {
		assertInvalid(put("bad sku!", product("X", 100, "EUR", 1)), "sku");
	}

	@Test
	void malformedJsonIsA400WithoutAStackTrace() throws Exception {
		ProblemResponse response = put(newSku(), "{\"name\": ");

		response.assertProblem(400, "malformed-json");
		assertThat(response.raw()).doesNotContain("Exception", "at io.", "at org.", "trace");
		verifyNoInteractions(this.catalogue);
	}

	@Test
	void unknownPropertiesAreRefused() throws Exception {
		ProblemResponse response = put(newSku(), """
				{"name": "X", "unitPriceMinor": 100, "currency": "EUR", "available": 1, "reserved": 4}""");

		response.assertProblem(400, "unknown-property");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("reserved");
		verifyNoInteractions(this.catalogue);
	}

	@Test
	void bodyOver64KiBIsPayloadTooLarge() throws Exception {
		String large = product("x".repeat(64 * 1024), 100, "EUR", 1);

		ProblemResponse.assertPutTooLarge(this.mvc, large, "/products/{sku}", newSku());
		verifyNoInteractions(this.catalogue);
	}

	@Test
	void bodyThatIsNotJsonIsUnsupportedMediaType() throws Exception {
		ProblemResponse response = ProblemResponse.perform(this.mvc,
				MockMvcRequestBuilders.put("/products/{sku}", newSku())
					.contentType(MediaType.TEXT_PLAIN)
					.content(product("X", 1, "EUR", 1)));

		response.assertProblem(415, "unsupported-media-type");
		verifyNoInteractions(this.catalogue);
	}

	@Test
	void unreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
		given(this.catalogue.define(any())).willThrow(new CannotCreateTransactionException("Connection refused"));
		given(this.catalogue.find(any())).willThrow(new DataAccessResourceFailureException("Connection refused"));

		for (ProblemResponse response : new ProblemResponse[] { put(newSku(), product("X", 100, "EUR", 1)),
				ProblemResponse.perform(this.mvc, get("/products/{sku}", newSku())) }) {
			response.assertProblem(503, "service-unavailable");
			assertThat(response.header("Retry-After")).isEqualTo("1");
			assertThat(response.raw()).doesNotContain("Connection refused");
		}
	}

	@Test
	void lockTimeoutIsAConflictToRetry() throws Exception {
		given(this.catalogue.define(any()))
			.willThrow(new CannotAcquireLockException("canceling statement due to lock timeout"));

		ProblemResponse response = put(newSku(), product("X", 100, "EUR", 1));

		response.assertProblem(409, "conflict");
		assertThat(response.body().get("detail").asString()).contains("retry");
		assertThat(response.raw()).doesNotContain("lock timeout");
	}

	private void assertInvalid(ProblemResponse response, String... fields) {
		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder(fields);
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("message").asString()))
			.allSatisfy((message) -> assertThat(message).isNotBlank());
		verifyNoInteractions(this.catalogue);
	}

	private ProblemResponse put(String sku, String json) throws Exception {
		return ProblemResponse.perform(this.mvc,
				MockMvcRequestBuilders.put("/products/{sku}", sku)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json));
	}

}
