package io.orderflow.order.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.orderflow.testsupport.RealInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.orderflow.order.web.OrderJson.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input gets its documented status and problem type, as
 * {@code application/problem+json}, naming the field where there is one, never with a
 * stack trace, and places nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class BadInputTests {

	private static final String PROBLEMS = "https://orderflow.io/problems/";

	private static final String LARGE = "x".repeat(RequestBodyLimit.MAX_BYTES);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	OrderApi api;

	@BeforeEach
	void setUp() {
		this.api = new OrderApi(this.port);
	}

	static Stream<Arguments> badOrders() {
		return Stream.of(invalid("missing customerId", anOrder().withoutCustomerId(), "customerId"),
				invalid("null customerId", anOrder().customerId(null), "customerId"),
				invalid("blank customerId", anOrder().customerId("  "), "customerId"),
				invalid("customerId of Unicode spaces", anOrder().customerId("\u2003\u3000"), "customerId"),
				invalid("customerId with surrounding whitespace", anOrder().customerId(" alice "), "customerId"),
				invalid("customerId with a control character", anOrder().customerId("al\u0000ice"), "customerId"),
				invalid("customerId over 64 characters", anOrder().customerId("c".repeat(65)), "customerId"),
				invalid("customerId not a string", anOrder().customerId(Map.of("id", 1)), "customerId"),
				invalid("missing lines", anOrder().withoutLines(), "lines"),
				invalid("empty lines", anOrder().noLines(), "lines"),
				invalid("lines not an array", anOrder().property("lines", "SKU-1"), "lines"),
				invalid("null line", anOrder().rawLine(null), "lines[0]"),
				invalid("51 lines", fiftyOneLines(), "lines"),
				invalid("missing sku", anOrder().rawLine(Map.of("quantity", 1)), "lines[0].sku"),
				invalid("blank sku", anOrder().line("", 1), "lines[0].sku"),
				invalid("sku with a space", anOrder().line("SKU-1", 1).line("SKU 2", 1), "lines[1].sku"),
				invalid("sku over 64 characters", anOrder().line("S".repeat(65), 1), "lines[0].sku"),
				invalid("missing quantity", anOrder().rawLine(Map.of("sku", "SKU-1")), "lines[0].quantity"),
				invalid("quantity 0", anOrder().line("SKU-1", 0), "lines[0].quantity"),
				invalid("negative quantity", anOrder().line("SKU-1", -1), "lines[0].quantity"),
				invalid("quantity over 1000", anOrder().line("SKU-1", 1001), "lines[0].quantity"),
				invalid("fractional quantity", anOrder().line("SKU-1", 2.5), "lines[0].quantity"),
				invalid("quantity as a string", anOrder().line("SKU-1", "2"), "lines[0].quantity"),
				invalid("quantity beyond int", anOrder().line("SKU-1", 99_999_999_999L), "lines[0].quantity"),
				problem("client-sent price", anOrder().rawLine(Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", 999)),
						400, "unknown-property", "lines[0].unitPrice"),
				problem("unknown top-level property", anOrder().property("currency", "EUR"), 400, "unknown-property",
						"currency"),
				problem("duplicate sku", anOrder().line("SKU-1", 1).line("SKU-2", 1).line("SKU-1", 2), 422,
						"duplicate-sku", "lines[2].sku"),
				problem("malformed JSON", "{\"customerId\": \"alice\", \"lines\": [", 400, "malformed-json", null),
				problem("not JSON at all", "customerId=alice", 400, "malformed-json", null),
				problem("empty body", "", 400, "malformed-json", null),
				problem("JSON array instead of object", "[]", 400, "malformed-json", null),
				problem("trailing content", anOrder() + " {}", 400, "malformed-json", null),
				problem("duplicate property", "{\"customerId\":\"a\",\"customerId\":\"b\",\"lines\":[]}", 400,
						"malformed-json", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badOrders")
	void rejectsBadOrder(String description, Object body, int status, String type, @Nullable String field) {
		OrderApi.Response response = this.api.post(body);

		assertProblem(response, status, type, field);
		assertNothingPlaced();
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				request("Idempotency-Key over 255 characters", (api) -> api.post(anOrder(), "k".repeat(256)), 400,
						"invalid-request", "Idempotency-Key"),
				request("Idempotency-Key with a space", (api) -> api.post(anOrder(), "my key"), 400, "invalid-request",
						"Idempotency-Key"),
				request("body over 64 KiB", (api) -> api.post(anOrder().customerId(LARGE)), 413, "payload-too-large",
						null),
				request("chunked body over 64 KiB", (api) -> api.postChunked(anOrder().customerId(LARGE).toString()),
						413, "payload-too-large", null),
				request("text/plain body",
						(api) -> api.send(api.request("/orders")
							.header("Content-Type", "text/plain")
							.POST(BodyPublishers.ofString(anOrder().toString()))),
						415, "unsupported-media-type", null),
				request("body without Content-Type",
						(api) -> api.send(api.request("/orders").POST(BodyPublishers.ofString(anOrder().toString()))),
						415, "unsupported-media-type", null),
				request("PUT /orders", (api) -> api.send(api.request("/orders").PUT(BodyPublishers.noBody())), 405,
						"method-not-allowed", null),
				request("DELETE /orders/{id}", (api) -> api.send(api.request("/orders/" + UUID.randomUUID()).DELETE()),
						405, "method-not-allowed", null),
				request("unknown path", (api) -> api.get("/shipments"), 404, "not-found", null),
				request("list without customerId", (api) -> api.get("/orders"), 400, "invalid-request", "customerId"),
				request("list with blank customerId", (api) -> api.get("/orders?customerId="), 400, "invalid-request",
						"customerId"),
				request("page size over 100", (api) -> api.get("/orders?customerId=alice&size=101"), 400,
						"invalid-request", "size"),
				request("page size 0", (api) -> api.get("/orders?customerId=alice&size=0"), 400, "invalid-request",
						"size"),
				request("negative page", (api) -> api.get("/orders?customerId=alice&page=-1"), 400, "invalid-request",
						"page"),
				request("page size not a number", (api) -> api.get("/orders?customerId=alice&size=ten"), 400,
						"invalid-request", "size"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void rejectsBadRequest(String description, Function<OrderApi, OrderApi.Response> call, int status, String type,
			@Nullable String field) {
		OrderApi.Response response = call.apply(this.api);

		assertProblem(response, status, type, field);
		assertNothingPlaced();
	}

	@Test
	void listsEveryInvalidFieldAtOnce() {
		OrderApi.Response response = this.api.post(anOrder().customerId("").line("SKU 1", 0).line("SKU-2", 2000));

		assertProblem(response, 400, "invalid-request", null);
		assertThat(response.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("customerId", "lines[0].quantity", "lines[0].sku", "lines[1].quantity");
		assertThat(response.json().get("errors").get(1).get("message").asString())
			.isEqualTo("must be between 1 and 1000");
	}

	@Test
	void duplicateSkuProblemNamesTheSku() {
		JsonNode problem = this.api.post(anOrder().line("SKU-7", 1).line("SKU-7", 2)).json();

		assertThat(problem.get("sku").asString()).isEqualTo("SKU-7");
		assertThat(problem.get("detail").asString()).contains("SKU-7");
	}

	private void assertProblem(OrderApi.Response response, int status, String type, @Nullable String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.toString()).isEqualTo("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
				.as(response.toString())
				.containsExactly(field);
			assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		}
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "at io.", "at org.", "tools.jackson");
	}

	private void assertNothingPlaced() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
	}

	private static OrderJson fiftyOneLines() {
		OrderJson order = anOrder();
		IntStream.rangeClosed(1, 51).forEach((i) -> order.line("SKU-" + i, 1));
		return order;
	}

	private static Arguments invalid(String description, Object body, String field) {
		return problem(description, body, 400, "invalid-request", field);
	}

	private static Arguments problem(String description, Object body, int status, String type, @Nullable String field) {
		return arguments(description, body, status, type, field);
	}

	private static Arguments request(String description, Function<OrderApi, OrderApi.Response> call, int status,
			String type, @Nullable String field) {
		return arguments(description, call, status, type, field);
	}

}
