package io.orderflow.order.web;

import io.orderflow.web.security.ApiAuthorization;
import io.orderflow.web.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which order API: customers ({@code orders}) place orders and read their
 * own; {@code orders:admin} reads everyone's; the overdue list is for operators
 * ({@code orders:admin} or {@code ops}). Which orders a customer sees is decided by
 * {@link OrderController}.
 */
@Configuration(proxyBeanMethods = false)
class OrderAuthorization {

	@Bean
	ApiAuthorization orderApiAuthorization() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/orders")
			.hasAuthority(Scopes.authority(Scopes.ORDERS))
			.requestMatchers(HttpMethod.GET, "/orders/overdue")
			.hasAnyAuthority(Scopes.authority(Scopes.ORDERS_ADMIN), Scopes.authority(Scopes.OPS))
			.requestMatchers(HttpMethod.GET, "/orders", "/orders/*")
			.hasAnyAuthority(Scopes.authority(Scopes.ORDERS), Scopes.authority(Scopes.ORDERS_ADMIN));
	}

}
