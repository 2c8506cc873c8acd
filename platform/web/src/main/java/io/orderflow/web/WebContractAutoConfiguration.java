package io.orderflow.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP error contract of every servlet web service:
 * <ul>
 * <li>errors as RFC 9457 problem details of one shape, with stable types (see
 * {@link Problems}): 400, 404, 405, 406, 409, 413, 415, 503 with {@code Retry-After}, and
 * 500 for bugs, never quoting the input or an exception;</li>
 * <li>request bodies limited to {@code orderflow.web.max-body-size} (413);</li>
 * <li>strict JSON: unknown properties, floats for integers, strings for numbers,
 * duplicate keys and trailing content are refused (400).</li>
 * </ul>
 * A service declares its own problems by throwing a {@link ProblemException}, or maps its
 * domain exceptions in a small {@code @RestControllerAdvice} of its web package that is
 * ordered before this one (e.g. {@code @Order(Ordered.HIGHEST_PRECEDENCE)}). Registered
 * before Spring Boot's MVC configuration, so that
 * {@code spring.mvc.problemdetails.enabled} adds no second handler.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OrderflowWebProperties.class)
public class WebContractAutoConfiguration {

	// declared as what it is: Spring MVC finds advice beans by their annotated type
	@Bean
	ProblemDetailsAdvice orderflowProblemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	RequestBodyLimit orderflowRequestBodyLimit(OrderflowWebProperties properties) {
		return new RequestBodyLimit(properties.maxBodySize().toBytes());
	}

	@Bean
	@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
	ContainerProblems orderflowContainerProblems() {
		return new ContainerProblems();
	}

	@Bean
	JsonMapperBuilderCustomizer orderflowStrictJson() {
		return new StrictJson();
	}

}
