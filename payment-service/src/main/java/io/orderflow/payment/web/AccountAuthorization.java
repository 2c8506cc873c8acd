package io.orderflow.payment.web;

import io.orderflow.web.security.ApiAuthorization;
import io.orderflow.web.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the account API: only {@code accounts:admin} opens an account or sets its
 * balance; a customer ({@code orders}) reads their own account, {@code accounts:admin}
 * any ({@link AccountController} decides whose).
 */
@Configuration(proxyBeanMethods = false)
class AccountAuthorization {

	@Bean
	ApiAuthorization accountApiAuthorization() {
		return (requests) -> requests.requestMatchers(HttpMethod.PUT, "/accounts/*")
			.hasAuthority(Scopes.authority(Scopes.ACCOUNTS_ADMIN))
			.requestMatchers(HttpMethod.GET, "/accounts/*")
			.hasAnyAuthority(Scopes.authority(Scopes.ORDERS), Scopes.authority(Scopes.ACCOUNTS_ADMIN));
	}

}
