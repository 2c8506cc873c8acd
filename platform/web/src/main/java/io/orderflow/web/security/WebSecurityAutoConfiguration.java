package io.orderflow.web.security;

import java.time.InstantSource;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service is an OAuth2 resource server: one stateless filter chain that
 * accepts the suite's JWTs (issuer, key set and audience from
 * {@code spring.security.oauth2.resourceserver.jwt.*}), opens health, metrics and the
 * error page, applies the service's {@link ApiAuthorization}s, and asks a valid token of
 * every other request. No session, no cookie, no CSRF token: a bearer token is not sent
 * by a browser on its own. 401 and 403 are problem details ({@link SecurityProblems}).
 * Handlers read the caller as a {@link Caller} parameter.
 * <p>
 * With {@code orderflow.security.enabled=false} every request is let through, and
 * {@link Caller#UNSECURED} holds every scope.
 */
@AutoConfiguration(
		before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OrderflowSecurityProperties.class)
public class WebSecurityAutoConfiguration {

	private static final Log logger = LogFactory.getLog(WebSecurityAutoConfiguration.class);

	/**
	 * Paths every caller reaches: probes, metrics (on the management port), errors, and
	 * the API's description and Swagger UI (what a client may call is no secret; calling
	 * it takes a token).
	 */
	private static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * Spring Security's default firewall, with a fast path for the common case
	 * ({@link FirewallPredicates}).
	 * @return the customizer that sets it
	 */
	@Bean
	WebSecurityCustomizer orderflowHttpFirewall() {
		return (web) -> web.httpFirewall(FirewallPredicates.firewall());
	}

	/**
	 * No observations of Spring Security's own (a span and timers per filter, per
	 * authentication and per authorization of every request): they were a fifth of
	 * order-service's CPU samples at 100 orders/s (JFR), and nothing of the suite reads
	 * them. Requests are still observed ({@code http.server.requests}, and traced by the
	 * OpenTelemetry agent). {@code orderflow.security.observations=true} turns them on.
	 * @return the settings
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "orderflow.security.observations", havingValue = false, matchIfMissing = true)
	SecurityObservationSettings orderflowSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	WebMvcConfigurer orderflowCallerResolver(OrderflowSecurityProperties properties) {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver(properties.enabled()));
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "orderflow.security.enabled", matchIfMissing = true)
	static class Secured {

		@Bean
		SecurityFilterChain orderflowApiSecurity(HttpSecurity http, ObjectProvider<ApiAuthorization> rules)
				throws Exception {
			SecurityProblems problems = new SecurityProblems();
			stateless(http).authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN).permitAll();
				rules.orderedStream().forEach((rule) -> rule.authorize(requests));
				requests.anyRequest().authenticated();
			})
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
					.authenticationEntryPoint(problems)
					.accessDeniedHandler(problems))
				.exceptionHandling(
						(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
			return http.build();
		}

	}

	/**
	 * Decoded tokens kept until they expire ({@link CachingJwtDecoder}), around whatever
	 * {@link JwtDecoder} the application has (Spring Boot's, from the issuer's settings).
	 * @return the post-processor that wraps it
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "orderflow.security.token-cache", matchIfMissing = true)
	static BeanPostProcessor orderflowDecodedTokenCache() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder))
						? new CachingJwtDecoder(decoder, InstantSource.system()) : bean;
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "orderflow.security.enabled", havingValue = false)
	static class Unsecured {

		@Bean
		SecurityFilterChain orderflowOpenApi(HttpSecurity http) throws Exception {
			logger.warn("orderflow.security.enabled=false: every API of this service is open to anyone who "
					+ "reaches its port, and orders name their customer in the body. For experiments only.");
			stateless(http).authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
	}

}
