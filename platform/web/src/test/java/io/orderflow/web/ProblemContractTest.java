package io.orderflow.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.orderflow.testsupport.ChunkedRequestBuilder;
import io.orderflow.testsupport.UnsafeText;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The HTTP error contract, once for every service: each status with its type, the exact
 * shape of the problem, and what a problem never contains.
 */
@WebMvcTest
class ProblemContractTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LARGE = "x".repeat(64 * 1024);

	@Autowired
	MockMvc mvc;

	@Test
	void invalidFieldsAreOneProblemListingEveryFieldSorted() throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \",\"quantity\":0,\"parts\":[{\"sku\":\"\"},null]}"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.body().propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail",
				"instance", "errors");
		assertThat(response.body().get("type").asString()).isEqualTo("https://orderflow.io/problems/invalid-request");
		assertThat(response.body().get("title").asString()).isEqualTo("Invalid request");
		assertThat(response.body().get("status").asInt()).isEqualTo(400);
		assertThat(response.body().get("detail").asString()).isEqualTo("The request has invalid fields; see errors");
		assertThat(response.body().get("instance").asString()).isEqualTo("/things");
		assertThat(response.body().get("errors").toString()).isEqualTo("""
				[{"field":"name","message":"must not be blank"},\
				{"field":"parts[0].sku","message":"must not be blank"},\
				{"field":"parts[1]","message":"must not be null"},\
				{"field":"quantity","message":"must be between 1 and 1000"}]""");
	}

	static Stream<Arguments> badParameters() {
		return Stream.of(arguments("missing query parameter", get("/things"), "owner", "is required"),
				arguments("query parameter out of range", get("/things?owner=a&size=0"), "size",
						"must be between 1 and 100"),
				arguments("query parameter not a number", get("/things?owner=a&size=ten"), "size",
						"must be a whole number"),
				arguments("invalid header", get("/things?owner=a").header("Tenant", "Not Valid"), "Tenant",
						"must be lower-case letters"),
				arguments("missing header", get("/things/1"), "Tenant", "is required"),
				arguments("invalid path variable", get("/things/x1/parts"), "id", "must be digits"),
				arguments("invalid cookie", get("/things/1/parts").cookie(new Cookie("Region", "EUR")), "Region",
						"must be two lower-case letters"),
				arguments("query parameter without annotation out of range", get("/things/1/parts?depth=9"), "depth",
						"must be between 0 and 5"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badParameters")
	void invalidParametersAreNamedByWhatTheClientSent(String description, RequestBuilder request, String field,
			String message) throws Exception {
		Response response = send(request);

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).containsExactly(Map.entry(field, message));
	}

	static Stream<Arguments> wrongTypes() {
		return Stream.of(arguments("{\"name\":\"a\",\"quantity\":\"2\"}", "quantity", "must be a whole number"),
				arguments("{\"name\":\"a\",\"quantity\":2.5}", "quantity", "must be a whole number"),
				arguments("{\"name\":\"a\",\"quantity\":99999999999}", "quantity", "must be a whole number"),
				arguments("{\"name\":\"a\",\"quantity\":1,\"amountMinor\":\"1250\"}", "amountMinor",
						"must be a whole number"),
				arguments("{\"name\":\"a\",\"quantity\":1,\"amountMinor\":12.5}", "amountMinor",
						"must be a whole number"),
				arguments("{\"name\":{\"first\":\"a\"},\"quantity\":1}", "name", "must be a string"),
				arguments("{\"name\":\"a\",\"quantity\":1,\"parts\":\"SKU-1\"}", "parts", "must be an array"),
				arguments("{\"name\":\"a\",\"quantity\":1,\"parts\":[7]}", "parts[0]", "must be an object"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongTypes")
	void valuesOfTheWrongTypeAreNamedByTheirJsonPath(String body, String field, String message) throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).containsExactly(Map.entry(field, message));
		assertThat(response.body().get("detail").asString())
			.isEqualTo("The request body has a value of the wrong type; see errors");
	}

	@Test
	void unknownPropertiesAreRefusedNamingThem() throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"a\",\"quantity\":1,\"parts\":[{\"sku\":\"S\",\"unitPrice\":999}]}"));

		assertProblem(response, 400, "unknown-property");
		assertThat(response.body().get("title").asString()).isEqualTo("Unknown property");
		assertThat(response.errors())
			.containsExactly(Map.entry("parts[0].unitPrice", "is not a property of this request"));
	}

	static Stream<Arguments> unsafeCharacters() {
		return UnsafeText.samples().stream().map((sample) -> arguments(sample.description(), sample.character()));
	}

	static Stream<Arguments> unsafeText() {
		return Stream.concat(unsafeCharacters(), Stream.of(arguments("over 64 characters", "x".repeat(65))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeText")
	void unsafeTextInABodyIsAnInvalidFieldNeverEchoed(String description, String unsafe) throws Exception {
		String name = "na" + unsafe + "me";
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("name", name, "quantity", 1))));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).containsExactly(
				Map.entry("name", "must be at most 50 characters without control, format or bidi characters"));
		UnsafeText.assertNotEchoed(response.raw(), name);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeText")
	void unsafeTextInAQueryParameterIsAnInvalidParameterNeverEchoed(String description, String unsafe)
			throws Exception {
		for (RequestBuilder request : List.of(get("/things").param("owner", "ow" + unsafe + "ner"),
				get("/things/search").param("text", "te" + unsafe + "xt"))) {
			Response response = send(request);

			assertProblem(response, 400, "invalid-request");
			assertThat(response.errors()).singleElement()
				.satisfies((error) -> assertThat(error.getValue())
					.isEqualTo("must be at most 50 characters without control, format or bidi characters"));
			UnsafeText.assertNotEchoed(response.raw(), unsafe);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeCharacters")
	void unsafeTextInAHeaderIsAnInvalidHeaderNeverEchoed(String description, String unsafe) throws Exception {
		String tenant = "ten" + unsafe + "ant";
		Response response = send(get("/things?owner=a").header("Tenant", tenant));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).singleElement()
			.satisfies((error) -> assertThat(error.getKey()).isEqualTo("Tenant"));
		UnsafeText.assertNotEchoed(response.raw(), tenant);
	}

	@Test
	void controlCharacterInAHeaderTheFirewallRefusesIsNamedAsInvalid() throws Exception {
		// the firewall lets the request in and throws when the handler reads the header
		Response response = send(get("/things?owner=a").header("Tenant", "acme\u0085"));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).containsExactly(Map.entry("Tenant", "must not contain control characters"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeText")
	void unknownPropertyWithAnUnsafeNameIsNamedByItsObject(String description, String unsafe) throws Exception {
		String name = "unit" + unsafe + "Price";
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(
					Map.of("name", "a", "quantity", 1, "parts", List.of(Map.of("sku", "S", name, 999))))));

		assertProblem(response, 400, "unknown-property");
		assertThat(response.errors())
			.containsExactly(Map.entry("parts[0]", "has a property this request does not define"));
		UnsafeText.assertNotEchoed(response.raw(), unsafe, name);
	}

	@Test
	void valueThatCannotBeBoundToAnObjectIsNamedWithoutQuotingIt() throws Exception {
		Response response = send(get("/things/search").param("page", ContractController.SECRET));

		assertProblem(response, 400, "invalid-request");
		assertThat(response.errors()).containsExactly(Map.entry("page", "must be a whole number"));
		assertThat(response.raw()).doesNotContain(ContractController.SECRET);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(arguments("truncated", "{\"name\": \"a\", \"quantity\": "),
				arguments("not JSON", "name=a&quantity=1"), arguments("empty", ""), arguments("an array", "[]"),
				arguments("trailing content", "{\"name\":\"a\",\"quantity\":1} {}"),
				arguments("duplicate property", "{\"name\":\"a\",\"name\":\"b\",\"quantity\":1}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void malformedJsonIsOneProblemWithoutErrors(String description, String body) throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));

		assertProblem(response, 400, "malformed-json");
		assertThat(response.body().get("title").asString()).isEqualTo("Malformed JSON");
		assertThat(response.body().has("errors")).isFalse();
	}

	@Test
	void strictJsonStillAcceptsAWellFormedBody() throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"a\",\"quantity\":2,\"amountMinor\":1250,\"parts\":[{\"sku\":\"S\"}]}"));

		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		assertThat(response.body().get("amountMinor").asLong()).isEqualTo(1250);
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		assertProblem(send(get("/shipments")), 404, "not-found");
	}

	@Test
	void serviceDeclaredProblemKeepsItsTypeTitleAndDetail() throws Exception {
		Response response = send(get("/things/42").header("Tenant", "acme"));

		assertProblem(response, 404, "thing-not-found");
		assertThat(response.body().get("title").asString()).isEqualTo("Thing not found");
		assertThat(response.body().get("detail").asString()).isEqualTo("There is no thing with this id");
		assertThat(response.body().get("instance").asString()).isEqualTo("/things/42");
	}

	@Test
	void unsupportedMethodIsMethodNotAllowedWithAllow() throws Exception {
		Response response = send(delete("/things"));

		assertProblem(response, 405, "method-not-allowed");
		assertThat(response.header(HttpHeaders.ALLOW)).contains("GET", "POST");
	}

	@Test
	void unacceptableMediaTypeIsNotAcceptableAnsweredInJson() throws Exception {
		assertProblem(send(get("/things?owner=a").accept(MediaType.APPLICATION_XML)), 406, "not-acceptable");
	}

	@Test
	void unsupportedContentTypeIsUnsupportedMediaType() throws Exception {
		assertProblem(send(post("/things").contentType(MediaType.TEXT_PLAIN).content("{}")), 415,
				"unsupported-media-type");
		assertProblem(send(post("/things").content("{\"name\":\"a\",\"quantity\":1}")), 415, "unsupported-media-type");
	}

	@Test
	void bodyOverTheLimitIsPayloadTooLargeByContentLength() throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON).content(large()));

		assertProblem(response, 413, "payload-too-large");
		assertThat(response.body().get("detail").asString()).isEqualTo("The request body exceeds 65536 bytes");
	}

	@Test
	void chunkedBodyOverTheLimitIsPayloadTooLargeWhileReading() throws Exception {
		Response response = send(
				ChunkedRequestBuilder.post("/things").contentType(MediaType.APPLICATION_JSON).content(large()));

		assertProblem(response, 413, "payload-too-large");
		assertThat(response.body().get("detail").asString()).isEqualTo("The request body exceeds 65536 bytes");
	}

	@Test
	void bodyAtTheLimitIsRead() throws Exception {
		String body = "{\"name\":\"a\",\"quantity\":1}";
		String padded = body.substring(0, body.length() - 1) + " ".repeat(64 * 1024 - body.length()) + "}";

		assertThat(send(ChunkedRequestBuilder.post("/things").contentType(MediaType.APPLICATION_JSON).content(padded))
			.status()).isEqualTo(201);
		assertThat(send(post("/things").contentType(MediaType.APPLICATION_JSON).content(padded)).status())
			.isEqualTo(201);
	}

	@Test
	void serviceRuleViolationIsItsOwnProblemWithErrors() throws Exception {
		Response response = send(post("/things").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"forbidden\",\"quantity\":1}"));

		assertProblem(response, 422, "rule-violated");
		assertThat(response.errors()).containsExactly(Map.entry("name", "is not allowed"));
	}

	static Stream<Arguments> failures() {
		return Stream.of(arguments("integrity", 409, "conflict"), arguments("lock-timeout", 409, "conflict"),
				arguments("pessimistic", 409, "conflict"), arguments("optimistic", 409, "conflict"),
				arguments("no-transaction", 503, "service-unavailable"),
				arguments("resource-failure", 503, "service-unavailable"),
				arguments("query-timeout", 503, "service-unavailable"),
				arguments("recoverable", 503, "service-unavailable"),
				arguments("dependency", 503, "service-unavailable"),
				arguments("domain-dependency", 503, "service-unavailable"),
				arguments("refused-connection", 503, "service-unavailable"),
				arguments("pool-timeout", 503, "service-unavailable"),
				arguments("server-shutdown", 503, "service-unavailable"),
				arguments("rollback-on-closed-connection", 503, "service-unavailable"),
				arguments("sql-bug", 500, "internal-error"), arguments("bug", 500, "internal-error"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("failures")
	void failuresAreTheirStatusWithAFixedDetail(String kind, int status, String type) throws Exception {
		Response response = send(get("/failures/" + kind));

		assertProblem(response, status, type);
		assertThat(response.body().get("detail").asString()).isEqualTo(switch (status) {
			case 409 -> "The resource was changed concurrently; retry the request";
			case 503 -> "The service cannot reach a dependency; retry later";
			default -> "An unexpected error occurred";
		});
		assertThat(response.header(HttpHeaders.RETRY_AFTER)).isEqualTo((status == 503) ? "1" : null);
	}

	static Stream<Arguments> hostileInput() {
		String evil = "<script>" + ContractController.SECRET + "</script>";
		return Stream.of(arguments("path", get("/no-such/" + evil)),
				arguments("media type",
						post("/things").contentType("text/x-" + ContractController.SECRET).content("{}")),
				arguments("query parameter", get("/things?owner=a&size=" + ContractController.SECRET)),
				arguments("body value",
						post("/things").contentType(MediaType.APPLICATION_JSON)
							.content("{\"name\":\"a\",\"quantity\":\"" + evil + "\"}")),
				arguments("malformed body",
						post("/things").contentType(MediaType.APPLICATION_JSON)
							.content("{\"name\": \"" + evil + "\" \"quantity\": 1}")),
				arguments("unknown property", post("/things").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"a\",\"quantity\":1,\"x\":\"" + evil + "\"}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInput")
	void problemsNeverQuoteTheInput(String description, RequestBuilder request) throws Exception {
		Response response = send(request);

		assertThat(response.status()).as(response.raw()).isBetween(400, 499);
		assertThat(response.body().get("detail").asString()).doesNotContain(ContractController.SECRET, "<script>");
		assertThat(response.withoutInstance()).doesNotContain(ContractController.SECRET);
	}

	@Test
	void internalErrorsSayNothing() throws Exception {
		Response response = send(get("/failures/bug"));

		assertThat(response.body().propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail",
				"instance");
		assertThat(response.raw()).doesNotContain(ContractController.SECRET, "IllegalState", "Exception", "at io.");
	}

	private static byte[] large() {
		return ("{\"name\":\"" + LARGE + "\",\"quantity\":1}").getBytes();
	}

	private Response send(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		String raw = response.getContentAsString();
		return new Response(response, raw, raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw));
	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo("https://orderflow.io/problems/" + type);
		assertThat(response.body().get("status").asInt()).isEqualTo(status);
		assertThat(response.body().get("title").asString()).isNotBlank();
		assertThat(response.body().get("detail").asString()).isNotBlank();
		assertThat(response.body().get("instance").asString()).startsWith("/");
		assertThat(response.withoutInstance()).doesNotContain("Exception", "\tat ", "tools.jackson",
				ContractController.SECRET);
	}

	record Response(MockHttpServletResponse response, String raw, JsonNode body) {

		int status() {
			return this.response.getStatus();
		}

		@Nullable String contentType() {
			return this.response.getContentType();
		}

		@Nullable String header(String name) {
			return this.response.getHeader(name);
		}

		/** The problem without {@code instance}, which is the request path as sent. */
		String withoutInstance() {
			return ((ObjectNode) this.body.deepCopy()).without("instance").toString();
		}

		List<Map.Entry<String, String>> errors() {
			return this.body.get("errors")
				.valueStream()
				.map((error) -> Map.entry(error.get("field").asString(), error.get("message").asString()))
				.toList();
		}

	}

}
