package io.orderflow.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's defaults as a service's environment sees them: present, and below the
 * service's own {@code application.yml} ({@code test-service.yml} here), its environment
 * variables and its command-line arguments.
 */
class ServiceDefaultsTest {

	@Test
	void loadsTheDefaultsIntoEveryApplication() {
		try (ConfigurableApplicationContext context = run(Map.of())) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
			assertThat(environment.getProperty("spring.flyway.locations"))
				.isEqualTo("classpath:db/migration,classpath:db/messaging");
			assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("manual_immediate");
			assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("3");
			assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
			assertThat(environment.getProperty("spring.datasource.hikari.connection-init-sql"))
				.isEqualTo("SET lock_timeout = '5s'");
			assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
				.isEqualTo("readinessState,db,kafka");
			assertThat(environment.getProperty("management.metrics.tags.application"))
				.as("tagged with the service's own name")
				.isEqualTo("test-service");
			assertThat(environment.getProperty("logging.pattern.correlation")).startsWith("%replace(");
		}
	}

	@Test
	void theServicesOwnApplicationYmlWins() {
		try (ConfigurableApplicationContext context = run(Map.of())) {
			assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("immediate");
			assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8089");
		}
	}

	@Test
	void environmentVariablesResolveThePlaceholdersAndOverrideTheDefaults() {
		Map<String, Object> variables = Map.of("SERVER_PORT", "9191", "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
				"DATABASE_LOCK_TIMEOUT", "2s", "MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "always",
				"SPRING_KAFKA_LISTENER_CONCURRENCY", "1");
		try (ConfigurableApplicationContext context = run(variables)) {
			Environment environment = context.getEnvironment();
			assertThat(environment.getProperty("server.port")).as("placeholder in application.yml").isEqualTo("9191");
			assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).as("placeholder in the defaults")
				.isEqualTo("broker:9092");
			assertThat(environment.getProperty("spring.datasource.hikari.connection-init-sql"))
				.isEqualTo("SET lock_timeout = '2s'");
			assertThat(environment.getProperty("management.endpoint.health.show-details"))
				.as("relaxed binding of a variable over a default")
				.isEqualTo("always");
			assertThat(environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("1");
		}
	}

	@Test
	void commandLineArgumentsWin() {
		try (ConfigurableApplicationContext context = run(Map.of(), "--spring.jpa.open-in-view=true",
				"--management.metrics.tags.application=other")) {
			assertThat(context.getEnvironment().getProperty("spring.jpa.open-in-view")).isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("management.metrics.tags.application")).isEqualTo("other");
		}
	}

	@Test
	void theDefaultsRankBelowEveryPropertySourceOfTheService() {
		try (ConfigurableApplicationContext context = run(Map.of(), "--server.port=0")) {
			List<String> names = context.getEnvironment()
				.getPropertySources()
				.stream()
				.map(PropertySource::getName)
				.toList();
			int defaults = names.indexOf(ServiceDefaults.NAME);
			assertThat(defaults).isPositive();
			assertThat(names.subList(0, defaults)).contains("commandLineArgs", "systemProperties", "systemEnvironment")
				.anyMatch((name) -> name.contains("test-service.yml"));
			// below the defaults only Spring Boot's own: the application's version and
			// pid
			assertThat(names.subList(defaults + 1, names.size())).allMatch("applicationInfo"::equals);
		}
	}

	private static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.environment(environment(variables))
			.run(concat(args, "--spring.config.name=test-service", "--spring.main.banner-mode=off"));
	}

	/** A fresh environment whose variables are the given ones, not the machine's. */
	private static ConfigurableEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	private static String[] concat(String[] args, String... more) {
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return all;
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
