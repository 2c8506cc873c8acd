package io.orderflow.web;

import io.orderflow.web.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Authentication and authorization in the contract: 401 without a valid token, 403
 * without the scope, both as problem details with the RFC 6750 challenge, and the
 * {@link Caller} a handler sees. (Tokens from the real issuer: the services' API tests.)
 */
@WebMvcTest
class SecurityContractTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	WebApplicationContext context;

	/** Without the default token of {@link ContractTestApplication}. */
	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void withoutATokenEveryApiIsUnauthorized() throws Exception {
		for (RequestBuilder request : new RequestBuilder[] { get("/things?owner=a"), get("/whoami"),
				get("/admin/things"), get("/no-such-path"),
				post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"quantity\":1}") }) {
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();

			assertProblem(response, 401, "unauthorized", "Unauthorized");
			assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").doesNotContain("error=");
			assertThat(problem(response).get("detail").asString()).contains("needs a bearer token");
		}
	}

	@Test
	void aMalformedTokenIsUnauthorizedWithoutSayingWhy() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt-secret-part"))
			.andReturn()
			.getResponse();

		assertProblem(response, 401, "unauthorized", "Unauthorized");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer error=\"invalid_token\"");
		assertThat(response.getContentAsString()).doesNotContain("secret-part")
			.doesNotContainIgnoringCase("malformed")
			.contains("invalid or has expired");
	}

	@Test
	void aTokenWithoutTheScopeIsForbidden() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/admin/things").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_orders"))))
			.andReturn()
			.getResponse();

		assertProblem(response, 403, "forbidden", "Forbidden");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"insufficient_scope\"");
	}

	@Test
	void aTokenWithTheScopeIsLetThrough() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/admin/things")
				.with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + ContractTestApplication.ADMIN_SCOPE))))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void theHandlerSeesTheTokensSubjectAndScopes() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/whoami").with(jwt().jwt((token) -> token.subject("bob"))
				.authorities(new SimpleGrantedAuthority("SCOPE_orders"), new SimpleGrantedAuthority("ROLE_X"),
						new SimpleGrantedAuthority("SCOPE_accounts:admin"))))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"scopes\":[\"accounts:admin\",\"orders\"],\"secured\":true,\"subject\":\"bob\"}");
	}

	@Test
	void noSessionIsCreated() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/whoami").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_orders"))))
			.andReturn()
			.getResponse();

		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).isNull();
	}

	private static void assertProblem(MockHttpServletResponse response, int status, String type, String title)
			throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = problem(response);
		assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance");
		assertThat(problem.get("type").asString()).isEqualTo("https://orderflow.io/problems/" + type);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
	}

	private static JsonNode problem(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString());
	}

}
