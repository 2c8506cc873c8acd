package io.orderflow.inventory.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.reservation.RequestedLine;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.inventory.reservation.ReservationService;
import io.orderflow.service.OrderId;
import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static io.orderflow.inventory.web.ProductJson.newSku;
import static io.orderflow.inventory.web.ProductJson.product;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT/GET /products/{sku}} over HTTP, against the real database. How bad input is
 * answered is the web slice's ({@link ProductControllerTest}).
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
	ReservationService reservations;

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
		assertThat(response.body().get("type").asString()).isEqualTo("https://orderflow.io/problems/product-not-found");
		// the SKU is named by the instance; a detail never quotes the input
		assertThat(response.body().get("instance").asString()).isEqualTo("/products/NO-SUCH-SKU");
		assertThat(response.body().get("detail").asString()).isNotBlank().doesNotContain("NO-SUCH-SKU");
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
			// as the operators' client: catalog:admin defines products
			HttpResponse<String> response = HTTP.send(
					request.header("Authorization", "Bearer " + AuthorizationServer.opsToken()).build(),
					HttpResponse.BodyHandlers.ofString());
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
