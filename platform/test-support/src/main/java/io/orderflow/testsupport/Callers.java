package io.orderflow.testsupport;

import java.util.Arrays;

import io.orderflow.authclient.SuiteClients;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Callers of a service's web slice ({@code @WebMvcTest}): the tokens a request carries
 * there, already validated (a slice has no issuer; the API tests of each service get real
 * tokens from {@link AuthorizationServer}). {@code @Import(Callers.Alice.class)} makes
 * every request of the slice's {@code MockMvc} come from customer {@code alice} unless it
 * says otherwise with {@code .with(Callers.customer("bob"))} or
 * {@code .with(Callers.withScopes("sub", "catalog:admin"))};
 * {@code @Import(Callers.Operator.class)} makes them come from the operators' client with
 * every admin scope.
 */
public final class Callers {

	private Callers() {
	}

	/**
	 * @param customer the token's subject
	 * @return a request post-processor: a customer's token (scope {@code orders})
	 */
	public static JwtRequestPostProcessor customer(String customer) {
		return withScopes(customer, SuiteClients.CUSTOMER_SCOPE);
	}

	/**
	 * @param subject the token's subject
	 * @param scopes the scopes it grants
	 * @return a request post-processor: a token with these scopes
	 */
	public static JwtRequestPostProcessor withScopes(String subject, String... scopes) {
		return jwt().jwt((token) -> token.subject(subject))
			.authorities(Arrays.stream(scopes)
				.map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope))
				.toArray(SimpleGrantedAuthority[]::new));
	}

	/**
	 * @return a request post-processor: the operators' client ({@code orderflow-ops})
	 * with every admin scope
	 */
	public static JwtRequestPostProcessor operator() {
		return withScopes(SuiteClients.OPS_CLIENT, SuiteClients.OPS_SCOPES.toArray(String[]::new));
	}

	/**
	 * Every request of the slice's {@code MockMvc} comes from the operators' client by
	 * default.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Operator {

		@Bean
		MockMvcBuilderCustomizer orderflowOperatorByDefault() {
			return (builder) -> builder.defaultRequest(get("/").with(operator()));
		}

	}

	/**
	 * Every request of the slice's {@code MockMvc} comes from customer {@code alice}
	 * (scope {@code orders}) by default.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Alice {

		@Bean
		MockMvcBuilderCustomizer orderflowAliceByDefault() {
			return (builder) -> builder.defaultRequest(get("/").with(customer("alice")));
		}

	}

}
