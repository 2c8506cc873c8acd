package io.orderflow.testsupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web slice's response read as JSON, and the one assertion of the suite's problem shape
 * (README, "HTTP error contract"): status, {@code application/problem+json}, the stable
 * {@code type}, a title and a detail, never a stack trace.
 *
 * @param response the raw response
 * @param raw its body as text
 * @param body its body as JSON ({@code null} node when empty)
 */
public record ProblemResponse(MockHttpServletResponse response, String raw, JsonNode body) {

	/** Where the problem types live. */
	public static final String TYPES = "https://orderflow.io/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param mvc the slice's MockMvc
	 * @param request the request
	 * @return the response
	 * @throws Exception when the request cannot be performed
	 */
	public static ProblemResponse perform(MockMvc mvc, RequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String raw = response.getContentAsString();
		return new ProblemResponse(response, raw, raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw));
	}

	/**
	 * Asserts that a JSON body PUT to the resource is refused as
	 * {@code payload-too-large} both ways a client can send it: announcing its length,
	 * and chunked (the limit is then found while reading).
	 * @param mvc the slice's MockMvc
	 * @param body a body over the limit
	 * @param uriTemplate the resource
	 * @param uriVariables its variables
	 * @throws Exception when a request cannot be performed
	 */
	public static void assertPutTooLarge(MockMvc mvc, String body, String uriTemplate, Object... uriVariables)
			throws Exception {
		perform(mvc,
				MockMvcRequestBuilders.put(uriTemplate, uriVariables)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
			.assertProblem(413, "payload-too-large");
		perform(mvc,
				ChunkedRequestBuilder.put(uriTemplate, uriVariables)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
			.assertProblem(413, "payload-too-large");
	}

	/**
	 * @return the status code
	 */
	public int status() {
		return this.response.getStatus();
	}

	/**
	 * @param name a header name
	 * @return its value, if any
	 */
	public @Nullable String header(String name) {
		return this.response.getHeader(name);
	}

	/**
	 * @return the body without {@code instance}, which is the request path as the client
	 * sent it (percent-encoded, so never with a raw control or format character)
	 */
	public String withoutInstance() {
		return this.body.isObject() ? ((ObjectNode) this.body.deepCopy()).without("instance").toString() : this.raw;
	}

	/**
	 * Asserts the problem shape.
	 * @param status the expected status
	 * @param type the expected type's name (e.g. {@code invalid-request})
	 * @return this
	 */
	public ProblemResponse assertProblem(int status, String type) {
		assertThat(status()).as(this.raw).isEqualTo(status);
		assertThat(header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.body.get("type").asString()).isEqualTo(TYPES + type);
		assertThat(this.body.get("status").asInt()).isEqualTo(status);
		assertThat(this.body.get("title").asString()).isNotBlank();
		assertThat(this.body.get("detail").asString()).isNotBlank();
		assertThat(this.raw).doesNotContain("Exception", "at org.");
		return this;
	}

}
