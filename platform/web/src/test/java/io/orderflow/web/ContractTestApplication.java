package io.orderflow.web;

import io.orderflow.web.security.ApiAuthorization;
import io.orderflow.web.security.Scopes;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The smallest application the contract applies to: one controller and a service's own
 * advice, in front of the auto-configuration under test. Its own access rule: the admin
 * list needs {@code things:admin}. Requests of the MockMvc tests carry a valid token of
 * customer {@code alice} with scope {@code orders} unless a test says otherwise.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({ ContractController.class, ServiceProblems.class })
class ContractTestApplication {

	static final String ADMIN_SCOPE = "things:admin";

	@Bean
	ApiAuthorization thingsAuthorization() {
		return (requests) -> requests.requestMatchers("/admin/**").hasAuthority(Scopes.authority(ADMIN_SCOPE));
	}

	@Bean
	MockMvcBuilderCustomizer aliceByDefault() {
		return (builder) -> builder.defaultRequest(get("/").with(
				jwt().jwt((token) -> token.subject("alice")).authorities(new SimpleGrantedAuthority("SCOPE_orders"))));
	}

}
