package io.orderflow.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the contract applies, and what it can be told.
 */
class WebContractAutoConfigurationTest {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebContractAutoConfiguration.class));

	@Test
	void appliesToServletWebApplicationsWithA64KiBLimit() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(ProblemDetailsAdvice.class)
				.hasSingleBean(RequestBodyLimit.class)
				.hasSingleBean(StrictJson.class);
			assertThat(context.getBean(OrderflowWebProperties.class).maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
		});
	}

	@Test
	void doesNotApplyToOtherApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WebContractAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class)
				.doesNotHaveBean(RequestBodyLimit.class));
	}

	@Test
	void bodyLimitIsConfigurable() {
		this.web.withPropertyValues("orderflow.web.max-body-size=1MB")
			.run((context) -> assertThat(context.getBean(OrderflowWebProperties.class).maxBodySize())
				.isEqualTo(DataSize.ofMegabytes(1)));
	}

	@Test
	void bodyLimitOfNothingIsRefused() {
		this.web.withPropertyValues("orderflow.web.max-body-size=0B").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void isTheOnlyProblemDetailsHandlerEvenWithSpringBootsEnabled() {
		this.web
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withPropertyValues("spring.mvc.problemdetails.enabled=true")
			.run((context) -> assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class))
				.containsOnlyKeys("orderflowProblemDetailsAdvice"));
	}

	@Test
	void jsonIsStrictWhatever_spring_jacksonSays() {
		this.web.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=false",
					"spring.jackson.deserialization.accept-float-as-int=true")
			.run((context) -> {
				JsonMapper json = context.getBean(JsonMapper.class);
				assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
				assertThat(json.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isFalse();
				assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
			});
	}

}
