package io.orderflow.service.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service given a Kafka principal: every Spring Kafka client connects with it, and no
 * topic is declared; without one nothing changes; the service's own settings win.
 */
class KafkaSecurityEnvironmentTest {

	@Test
	void aPrincipalBecomesSpringKafkasClientPropertiesAndTopicsAreNoLongerDeclared() {
		try (ConfigurableApplicationContext context = run("--orderflow.kafka.username=order-service",
				"--orderflow.kafka.password=pw")) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_SSL");
			assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
			assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
				.contains("username=\"order-service\"");
			assertThat(environment.getProperty("spring.kafka.admin.auto-create")).isEqualTo("false");
			// the suite's defaults are still there, below
			assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("manual_immediate");
		}
	}

	@Test
	void withoutAPrincipalTheClientsStayPlainText() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty("spring.kafka.properties.security.protocol")).isNull();
			assertThat(context.getEnvironment().getProperty("spring.kafka.admin.auto-create")).isNull();
		}
	}

	@Test
	void whatTheServiceSaysWins() {
		try (ConfigurableApplicationContext context = run("--orderflow.kafka.username=order-service",
				"--orderflow.kafka.password=pw", "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-256")) {
			assertThat(context.getEnvironment().getProperty("spring.kafka.properties.sasl.mechanism"))
				.isEqualTo("SCRAM-SHA-256");
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.main.banner-mode", "off"))
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
