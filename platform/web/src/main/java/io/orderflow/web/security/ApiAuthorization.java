package io.orderflow.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules for its own paths, e.g.
 * {@code requests.requestMatchers(HttpMethod.PUT, "/products/**").hasAuthority(Scopes.authority(Scopes.CATALOG_ADMIN))}.
 * Every bean of this type is applied to the one filter chain of
 * {@link WebSecurityAutoConfiguration}, after the platform's own rules (health, metrics
 * and error pages open) and before the last one: any other request needs a valid token.
 * Rules about which resource a caller may see (a customer's own orders) belong in the
 * handler, with {@link Caller}.
 */
@FunctionalInterface
public interface ApiAuthorization {

	/**
	 * @param requests the rules so far; add this service's
	 */
	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
