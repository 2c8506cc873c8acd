package io.orderflow.inventory.web;

import java.util.stream.Stream;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.ProductDetails;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ProblemResponse;
import io.orderflow.testsupport.UnsafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
import static org.junit.jupiter.params.provider.Arguments.arguments;
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

	static Stream<Arguments> unsafeText() {
		return UnsafeText.samples().stream().flatMap((unsafe) -> {
			String name = unsafe.within("Espresso");
			String currency = unsafe.within("EUR");
			return Stream.of(arguments(unsafe + " in name", newSku(), product(name, 100, "EUR", 1), "name", name),
					arguments(unsafe + " in currency", newSku(), product("X", 100, currency, 1), "currency", currency));
		});
	}

	static Stream<Arguments> outOfBounds() {
		String longName = "n".repeat(ProductRequest.MAX_NAME_LENGTH + 1);
		return Stream.of(
				arguments("name over 200 characters", newSku(), product(longName, 100, "EUR", 1), "name", longName),
				arguments("name of 201 code points", newSku(),
						product("\uD83D\uDE00".repeat(ProductRequest.MAX_NAME_LENGTH + 1), 100, "EUR", 1), "name",
						"\uD83D\uDE00".repeat(ProductRequest.MAX_NAME_LENGTH + 1)),
				arguments("price over the bound", newSku(),
						product("X", ProductRequest.MAX_UNIT_PRICE_MINOR + 1, "EUR", 1), "unitPriceMinor",
						String.valueOf(ProductRequest.MAX_UNIT_PRICE_MINOR + 1)),
				arguments("price of the largest long", newSku(), product("X", Long.MAX_VALUE, "EUR", 1),
						"unitPriceMinor", String.valueOf(Long.MAX_VALUE)),
				arguments("available over the bound", newSku(),
						product("X", 100, "EUR", ProductRequest.MAX_AVAILABLE + 1), "available",
						String.valueOf(ProductRequest.MAX_AVAILABLE + 1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "unsafeText", "outOfBounds" })
	void refusesUnsafeTextAndValuesOutOfBoundsNamingTheFieldWithoutEchoingThem(String description, String sku,
			String body, String field, String sent) throws Exception {
		ProblemResponse response = put(sku, body);

		assertInvalid(response, field);
		UnsafeText.assertNotEchoed(response.raw(), sent);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSamples")
	void refusesUnsafeSkuInThePathNamingIt(UnsafeText.Sample unsafe) throws Exception {
		String sku = unsafe.within("SKU-1");

		ProblemResponse response = put(sku, product("X", 100, "EUR", 1));

		assertInvalid(response, "sku");
		UnsafeText.assertNotEchoed(response.raw(), sku, unsafe.character());
	}

	@Test
	void refusesATooLongSkuInThePathNamingIt() throws Exception {
		String sku = "S".repeat(65);

		ProblemResponse response = put(sku, product("X", 100, "EUR", 1));

		assertInvalid(response, "sku");
		// the instance is the path as sent; nothing else quotes it
		UnsafeText.assertNotEchoed(response.withoutInstance(), sku);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSamples")
	void unsafeSkuToReadIsNotFound(UnsafeText.Sample unsafe) throws Exception {
		String sku = unsafe.within("SKU-1");

		ProblemResponse response = ProblemResponse.perform(this.mvc, get("/products/{sku}", sku));

		response.assertProblem(404, "product-not-found");
		UnsafeText.assertNotEchoed(response.raw(), sku, unsafe.character());
		verifyNoInteractions(this.catalogue);
	}

	static Stream<UnsafeText.Sample> unsafeSamples() {
		// NUL: see nulInThePathIsRefusedBeforeTheController
		return UnsafeText.samples().stream().filter((unsafe) -> !unsafe.character().equals("\u0000"));
	}

	@Test
	void nulInThePathIsRefusedBeforeTheController() throws Exception {
		// the firewall refuses %00 in a path (as the container does in front of it)
		ProblemResponse response = put("SKU\u0000-1", product("X", 100, "EUR", 1));

		assertThat(response.status()).isEqualTo(400);
		UnsafeText.assertNotEchoed(response.raw(), "SKU\u0000-1");
		verifyNoInteractions(this.catalogue);
	}

	@Test
	void acceptsPricesAndStockAtTheirBounds() throws Exception {
		String sku = newSku();
		String name = "\uD83D\uDE00".repeat(ProductRequest.MAX_NAME_LENGTH);
		given(this.catalogue.define(any())).willAnswer((invocation) -> {
			ProductDefinition definition = invocation.getArgument(0);
			return new Catalogue.Defined(new ProductDetails(definition.sku(), definition.name(), definition.unitPrice(),
					definition.available(), 0), true);
		});

		ProblemResponse response = put(sku,
				product(name, ProductRequest.MAX_UNIT_PRICE_MINOR, "EUR", ProductRequest.MAX_AVAILABLE));

		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		assertThat(response.body().get("unitPrice").get("amountMinor").asLong())
			.isEqualTo(ProductRequest.MAX_UNIT_PRICE_MINOR);
		assertThat(response.body().get("available").asInt()).isEqualTo(ProductRequest.MAX_AVAILABLE);
		assertThat(response.body().get("name").asString()).isEqualTo(name);
	}

	@Test
	void theLargestOrderAtTheHighestPriceFitsAJsonNumber() {
		// order-service: at most 50 lines (PlaceOrder.MAX_LINES) of at most 1000 units
		// (OrderLine.MAX_QUANTITY)
		long largestTotal = Math.multiplyExact(ProductRequest.MAX_UNIT_PRICE_MINOR, 50L * 1000);

		assertThat(largestTotal).isLessThan(1L << 53);
	}

	@Test
	void unescapedControlCharacterIsMalformedJsonNeverEchoed() throws Exception {
		String body = "{\"name\": \"Espr\u0000esso\", \"unitPriceMinor\": 1, \"currency\": \"EUR\", \"available\": 1}";

		ProblemResponse response = put(newSku(), body);

		response.assertProblem(400, "malformed-json");
		UnsafeText.assertNotEchoed(response.raw(), "Espr\u0000esso");
		verifyNoInteractions(this.catalogue);
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
