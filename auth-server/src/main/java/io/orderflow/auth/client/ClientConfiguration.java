package io.orderflow.auth.client;

import java.util.List;

import io.orderflow.auth.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The suite's two clients, registered in Java rather than with Boot's
 * {@code spring.security.oauth2.authorizationserver.client.*} properties: the operations
 * client's secret comes from the environment and is stored encoded, which those
 * properties cannot do. Every access token is a JWT whose audience is the client and
 * {@value #API_AUDIENCE}, the audience the services accept.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	static final String CLI_CLIENT = "orderflow-cli";

	static final String OPS_CLIENT = "orderflow-ops";

	static final String API_AUDIENCE = "orderflow-api";

	@Bean
	RegisteredClientRepository registeredClientRepository(AuthProperties properties, PasswordEncoder encoder) {
		return new InMemoryRegisteredClientRepository(cli(properties), ops(properties, encoder));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> orderflowApiAudience() {
		return (context) -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims().audience(List.of(context.getRegisteredClient().getClientId(), API_AUDIENCE));
			}
		};
	}

	/**
	 * A person at a terminal: a public client (nothing secret on the user's machine)
	 * protected by PKCE; the user types the code from {@code /authorized} into the tool.
	 */
	private static RegisteredClient cli(AuthProperties properties) {
		return RegisteredClient.withId(CLI_CLIENT)
			.clientId(CLI_CLIENT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(properties.cliRedirectUri().toString())
			.scope("orders")
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.cliAccessTokenTimeToLive()).build())
			.build();
	}

	/**
	 * Operations tooling and the suite's own jobs: a confidential client acting as
	 * itself.
	 */
	private static RegisteredClient ops(AuthProperties properties, PasswordEncoder encoder) {
		return RegisteredClient.withId(OPS_CLIENT)
			.clientId(OPS_CLIENT)
			.clientSecret(encoder.encode(properties.opsSecret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(List.of("orders:admin", "catalog:admin", "accounts:admin", "ops")))
			.build();
	}

}
