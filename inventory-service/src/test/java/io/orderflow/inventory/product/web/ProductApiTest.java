package io.orderflow.inventory.product.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.reservation.OrderId;
import io.orderflow.inventory.reservation.RequestedLine;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.inventory.reservation.Reservations;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT/GET /products/{sku}} over HTTP, against the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class ProductApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Reservations reservations;

	@Test
	void createsAProductWith201AndLocationThenReplacesItWith200() {
		String sku = newSku();

		Response created = put(sku, product("Espresso beans", 2490, "EUR", 100));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo(url("/products/" + sku));
		assertThat(created.body().get("sku").asString()).isEqualTo(sku);

		Response replaced = put(sku, product("Espresso beans, dark", 2590, "EUR", 80));
		assertThat(replaced.status()).isEqualTo(200);

		Response shown = get("/products/" + sku);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body().get("sku").asString()).isEqualTo(sku);
		assertThat(shown.body().get("name").asString()).isEqualTo("Espresso beans, dark");
		assertThat(shown.body().get("unitPrice").get("amountMinor").asLong()).isEqualTo(2590);
		assertThat(shown.body().get("unitPrice").get("currency").asString()).isEqualTo("EUR");
		assertThat(shown.body().get("available").asInt()).isEqualTo(80);
		assertThat(shown.body().get("reserved").asInt()).isZero();
	}

	@Test
	void replacingAProductKeepsItsReservedUnits() {
		String sku = newSku();
		put(sku, product("Grinder", 7900, "EUR", 10));
		this.reservations.reserve(
				new ReserveStock(new OrderId(UUID.randomUUID()), "alice", List.of(new RequestedLine(new Sku(sku), 4))));

		put(sku, product("Grinder", 7900, "EUR", 20));

		JsonNode shown = get("/products/" + sku).body();
		assertThat(shown.get("available").asInt()).isEqualTo(20);
		assertThat(shown.get("reserved").asInt()).isEqualTo(4);
	}

	@Test
	void unknownSkuIsA404ProblemDetail() {
		Response response = get("/products/NO-SUCH-SKU");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body().get("status").asInt()).isEqualTo(404);
		assertThat(response.body().get("detail").asString()).contains("NO-SUCH-SKU");
	}

	@Test
	void invalidFieldsAreA400ProblemNamingEachField() {
		Response response = put(newSku(), """
				{"name": " ", "unitPriceMinor": -1, "currency": "eur", "available": -5}""");

		assertProblem(response, "name", "unitPriceMinor", "currency", "available");
	}

	@Test
	void missingFieldsAreNamedInsteadOfDefaulting() {
		assertProblem(put(newSku(), "{}"), "name", "unitPriceMinor", "currency", "available");
	}

	@Test
	void currencyMustBeAnIso4217Code() {
		assertProblem(put(newSku(), product("X", 100, "ABC", 1)), "currency");
	}

	@Test
	void valuesOfTheWrongTypeAreNamed() {
		assertProblem(put(newSku(), """
				{"name": "X", "unitPriceMinor": 100, "currency": "EUR", "available": "plenty"}"""), "available");
		assertProblem(put(newSku(), """
				{"name": "X", "unitPriceMinor": 12.5, "currency": "EUR", "available": 1}"""), "unitPriceMinor");
	}

	@Test
	void anInvalidSkuIsNamed() {
		assertProblem(put("bad%20sku!", product("X", 100, "EUR", 1)), "sku");
	}

	@Test
	void malformedJsonIsA400WithoutAStackTrace() {
		Response response = put(newSku(), "{\"name\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.raw()).doesNotContain("Exception", "at io.", "at org.", "trace");
	}

	private static void assertProblem(Response response, String... fields) {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body().get("status").asInt()).isEqualTo(400);
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder(fields);
		assertThat(response.body().get("detail").asString()).contains(fields);
		assertThat(response.raw()).doesNotContain("Exception", "at org.");
	}

	private static String product(String name, long priceMinor, String currency, int available) {
		return """
				{"name": "%s", "unitPriceMinor": %d, "currency": "%s", "available": %d}""".formatted(name, priceMinor,
				currency, available);
	}

	private static String newSku() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private Response put(String sku, String json) {
		return send(HttpRequest.newBuilder(URI.create(url("/products/" + sku)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(),
					response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()), response.body(),
					response);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode body, String raw, HttpResponse<String> response) {

		String header(String name) {
			return this.response.headers().firstValue(name).orElse("");
		}

	}

}
