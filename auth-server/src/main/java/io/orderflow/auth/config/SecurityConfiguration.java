package io.orderflow.auth.config;

import java.util.Set;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Boot's two default chains of an authorization server, plus what the suite opens: the
 * code page {@code /authorized}, the error page, and the actuator endpoints (which only
 * the management port serves).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Spring Authorization Server's endpoints (with OpenID Connect discovery); a browser
	 * that is not logged in is sent to the login form, any other caller gets the OAuth2
	 * error.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.oidc(Customizer.withDefaults());
		});
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser));
		return http.build();
	}

	/**
	 * Everything else: the login form (CSRF-protected), the code page and the probes.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/authorized", "/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Stored secrets and passwords name their encoding ({@code {bcrypt}...}); new ones
	 * are encoded with bcrypt.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
