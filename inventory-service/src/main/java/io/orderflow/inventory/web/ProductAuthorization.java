package io.orderflow.inventory.web;

import io.orderflow.web.security.ApiAuthorization;
import io.orderflow.web.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the product API: any valid token reads a product (customers see prices and
 * stock before they order); only {@code catalog:admin} defines one.
 */
@Configuration(proxyBeanMethods = false)
class ProductAuthorization {

	@Bean
	ApiAuthorization productApiAuthorization() {
		return (requests) -> requests.requestMatchers(HttpMethod.PUT, "/products/*")
			.hasAuthority(Scopes.authority(Scopes.CATALOG_ADMIN))
			.requestMatchers(HttpMethod.GET, "/products/*")
			.authenticated();
	}

}
