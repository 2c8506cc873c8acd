package io.orderflow.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the services' HTTP security, under {@code orderflow.security}. The token
 * issuer, its key set and the required audience are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (set in the shared defaults from
 * {@code ORDERFLOW_AUTH_ISSUER}).
 *
 * @param enabled whether requests need a token ({@code ORDERFLOW_SECURITY_ENABLED},
 * default true); false opens every API to anyone who reaches the port, and orders name
 * their customer in the body: for experiments only
 */
@ConfigurationProperties("orderflow.security")
public record OrderflowSecurityProperties(@DefaultValue("true") boolean enabled) {

}
