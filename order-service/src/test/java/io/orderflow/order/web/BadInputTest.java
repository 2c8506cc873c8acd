package io.orderflow.order.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.orderflow.order.OrderEventsUnavailableException;
import io.orderflow.order.OrderService;
import io.orderflow.order.OrderWatch;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ChunkedRequestBuilder;
import io.orderflow.testsupport.UnsafeText;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every kind of bad input gets its documented status and problem type, as
 * {@code application/problem+json}, naming the field where there is one, never with a
 * stack trace, and never reaches the order service (so places nothing). A slice of the
 * web layer: the service is a mock.
 */
@WebMvcTest(OrderController.class)
@Import(Callers.Alice.class)
class BadInputTest {

	private static final String PROBLEMS = "https://orderflow.io/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LARGE = "x".repeat(64 * 1024);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderService orders;

	@MockitoBean
	OrderWatch watch;

	@MockitoBean
	OrderRateLimit rateLimit;

	/** An order of the slice's caller, alice, to spoil. */
	private static OrderJson anOrder() {
		return OrderJson.anOrder().customerId("alice");
	}

	static Stream<Arguments> badOrders() {
		// no customerId, or null, is valid: the order is the caller's
		// (PlaceOrderAsCallerTest)
		return Stream.of(invalid("blank customerId", anOrder().customerId("  "), "customerId"),
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
	void rejectsBadOrder(String description, Object body, int status, String type, @Nullable String field)
			throws Exception {
		Response response = send(postOrder(body));

		assertProblem(response, status, type, field);
		assertNothingPlaced();
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				request("Idempotency-Key over 255 characters",
						postOrder(anOrder()).header("Idempotency-Key", "k".repeat(256)), 400, "invalid-request",
						"Idempotency-Key"),
				request("Idempotency-Key with a space", postOrder(anOrder()).header("Idempotency-Key", "my key"), 400,
						"invalid-request", "Idempotency-Key"),
				request("body over 64 KiB", postOrder(anOrder().customerId(LARGE)), 413, "payload-too-large", null),
				request("chunked body over 64 KiB",
						ChunkedRequestBuilder.post("/orders")
							.contentType(MediaType.APPLICATION_JSON)
							.content(anOrder().customerId(LARGE).toString()),
						413, "payload-too-large", null),
				request("text/plain body",
						post("/orders").contentType(MediaType.TEXT_PLAIN).content(anOrder().toString()), 415,
						"unsupported-media-type", null),
				request("body without Content-Type", post("/orders").content(anOrder().toString()), 415,
						"unsupported-media-type", null),
				request("PUT /orders", put("/orders"), 405, "method-not-allowed", null),
				request("DELETE /orders/{id}", delete("/orders/" + UUID.randomUUID()), 405, "method-not-allowed", null),
				request("unknown path", get("/shipments"), 404, "not-found", null),
				// GET /orders without customerId is the caller's own list
				// (OrderSecurityApiTest)
				request("list with blank customerId", get("/orders?customerId="), 400, "invalid-request", "customerId"),
				request("page size over 100", get("/orders?customerId=alice&size=101"), 400, "invalid-request", "size"),
				request("page size 0", get("/orders?customerId=alice&size=0"), 400, "invalid-request", "size"),
				request("negative page", get("/orders?customerId=alice&page=-1"), 400, "invalid-request", "page"),
				request("page over 10000", get("/orders?customerId=alice&page=10001"), 400, "invalid-request", "page"),
				request("page beyond int", get("/orders?customerId=alice&page=99999999999"), 400, "invalid-request",
						"page"),
				request("customerId over 64 characters in the query",
						get("/orders").param("customerId", "c".repeat(65)), 400, "invalid-request", "customerId"),
				request("wait over 30 s", get("/orders/" + UUID.randomUUID() + "?waitForChange=31s"), 400,
						"invalid-request", "waitForChange"),
				request("wait not in seconds", get("/orders/" + UUID.randomUUID() + "?waitForChange=PT5S"), 400,
						"invalid-request", "waitForChange"),
				request("page size not a number", get("/orders?customerId=alice&size=ten"), 400, "invalid-request",
						"size"),
				request("overdue within negative", get("/orders/overdue?within=-PT1M"), 400, "invalid-request",
						"within"),
				request("overdue within over 7 days", get("/orders/overdue?within=P8D"), 400, "invalid-request",
						"within"),
				request("overdue within not a duration", get("/orders/overdue?within=60"), 400, "invalid-request",
						"within"),
				request("POST /orders/overdue", post("/orders/overdue"), 405, "method-not-allowed", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void rejectsBadRequest(String description, RequestBuilder request, int status, String type, @Nullable String field)
			throws Exception {
		Response response = send(request);

		assertProblem(response, status, type, field);
		assertNothingPlaced();
	}

	/**
	 * Every text the order API reads, spoiled by each kind of unsafe character: the
	 * request, the field it is named by, the value sent.
	 */
	static Stream<Arguments> unsafeText() {
		return UnsafeText.samples().stream().flatMap((unsafe) -> {
			String customer = unsafe.within("alice");
			String sku = unsafe.within("SKU-1");
			String key = unsafe.within("key-1");
			String wait = unsafe.within("5s");
			return Stream.of(
					arguments(unsafe + " in customerId", postOrder(anOrder().customerId(customer)), "customerId",
							customer),
					arguments(unsafe + " in a SKU", postOrder(anOrder().line(sku, 1)), "lines[0].sku", sku),
					arguments(unsafe + " in Idempotency-Key",
							postOrder(anOrder()).header(OrderController.IDEMPOTENCY_KEY, key), "Idempotency-Key", key),
					arguments(unsafe + " in the customerId query parameter",
							get("/orders").param("customerId", customer), "customerId", customer),
					arguments(unsafe + " in waitForChange",
							get("/orders/{id}", UUID.randomUUID()).param(OrderController.WAIT_FOR_CHANGE, wait),
							"waitForChange", wait),
					arguments(unsafe + " in waitForOutcome",
							get("/orders/{id}", UUID.randomUUID()).param(OrderController.WAIT_FOR_OUTCOME, wait),
							"waitForOutcome", wait),
					arguments(unsafe + " in within",
							get("/orders/overdue").param(OrderController.WITHIN, unsafe.within("PT1M")), "within",
							unsafe.within("PT1M")));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeText")
	void refusesUnsafeTextNamingTheFieldWithoutEchoingIt(String description, RequestBuilder request, String field,
			String sent) throws Exception {
		Response response = send(request);

		assertProblem(response, 400, "invalid-request", field);
		UnsafeText.assertNotEchoed(response.body(), sent);
		assertNothingPlaced();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSamples")
	void unsafeOrderIdIsNotFoundWithoutEchoingIt(UnsafeText.Sample unsafe) throws Exception {
		String id = unsafe.within(UUID.randomUUID().toString());

		Response response = send(get("/orders/{id}", id));

		assertProblem(response, 404, "order-not-found", null);
		UnsafeText.assertNotEchoed(response.body(), id, unsafe.character());
		assertNothingPlaced();
	}

	static Stream<UnsafeText.Sample> unsafeSamples() {
		// NUL: see nulInThePathIsRefusedBeforeTheController
		return UnsafeText.samples().stream().filter((unsafe) -> !unsafe.character().equals("\u0000"));
	}

	@Test
	void nulInThePathIsRefusedBeforeTheController() throws Exception {
		// the firewall refuses %00 in a path (as the container does in front of it)
		String id = "\u0000" + UUID.randomUUID();

		Response response = send(get("/orders/{id}", id));

		assertThat(response.status()).isEqualTo(400);
		UnsafeText.assertNotEchoed(response.body(), id);
		assertNothingPlaced();
	}

	@Test
	void listsEveryInvalidFieldAtOnce() throws Exception {
		Response response = send(postOrder(anOrder().customerId("").line("SKU 1", 0).line("SKU-2", 2000)));

		assertProblem(response, 400, "invalid-request", null);
		assertThat(response.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly("customerId", "lines[0].quantity", "lines[0].sku", "lines[1].quantity");
		assertThat(response.json().get("errors").get(1).get("message").asString())
			.isEqualTo("must be between 1 and 1000");
	}

	@Test
	void duplicateSkuProblemNamesBothLinesWithoutQuotingTheSku() throws Exception {
		Response response = send(postOrder(anOrder().line("SKU-1", 1).line("SKU-7", 1).line("SKU-7", 2)));

		assertProblem(response, 422, "duplicate-sku", "lines[2].sku");
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.isEqualTo("repeats the SKU of lines[1]");
		assertThat(response.json().has("sku")).isFalse();
		// the contract: no problem quotes the input; errors name it by its path
		assertThat(response.body()).doesNotContain("SKU-7");
	}

	@Test
	void unreachableSchemaRegistryIsServiceUnavailableWithRetryAfter() throws Exception {
		given(this.orders.place(any()))
			.willThrow(new OrderEventsUnavailableException("registry down", new IllegalStateException("apicurio")));

		Response response = send(postOrder(anOrder()));

		assertProblem(response, 503, "service-unavailable", null);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.body()).doesNotContain("registry", "apicurio");
	}

	@Test
	void unreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
		given(this.orders.find(any())).willThrow(new CannotCreateTransactionException("Connection refused"));

		Response response = send(get("/orders/" + UUID.randomUUID()));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().get("type").asString()).isEqualTo(PROBLEMS + "service-unavailable");
		assertThat(response.body()).doesNotContain("Connection refused");
	}

	private static void assertProblem(Response response, int status, String type, @Nullable String field) {
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
		verifyNoInteractions(this.orders);
	}

	private Response send(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		return new Response(response, response.getContentAsString());
	}

	private static MockHttpServletRequestBuilder postOrder(Object body) {
		return post("/orders").contentType(MediaType.APPLICATION_JSON).content(body.toString());
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

	private static Arguments request(String description, RequestBuilder request, int status, String type,
			@Nullable String field) {
		return arguments(description, request, status, type, field);
	}

	/** A response, its body readable as JSON. */
	record Response(MockHttpServletResponse response, String body) {

		int status() {
			return this.response.getStatus();
		}

		@Nullable String header(String name) {
			return this.response.getHeader(name);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return status() + " " + this.response.getHeaderNames() + " " + this.body;
		}

	}

}
