package io.orderflow.auth.authorization;

import java.time.InstantSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * The authorization service Spring Authorization Server's endpoints use instead of their
 * default
 * {@link org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationConfiguration {

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new ExpiringAuthorizationService(InstantSource.system());
	}

}
