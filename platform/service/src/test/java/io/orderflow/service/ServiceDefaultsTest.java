package io.orderflow.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

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
			assertProperties(context.getEnvironment(), Map.of("spring.jpa.open-in-view", "false",
					"spring.flyway.locations", "classpath:db/migration,classpath:db/messaging",
					"spring.kafka.listener.ack-mode", "manual_immediate", "spring.kafka.listener.concurrency", "3",
					"spring.kafka.bootstrap-servers", "127.0.0.1:9092", "spring.datasource.hikari.connection-init-sql",
					"SET lock_timeout = '5s'", "management.endpoint.health.group.readiness.include",
					"readinessState,db,kafka,outboxSchemas",
					// tagged with the service's own name
					"management.metrics.tags.application", "test-service"));
			assertThat(context.getEnvironment().getProperty("logging.pattern.correlation")).startsWith("%replace(");
		}
	}

	@Test
	void theServicesOwnApplicationYmlWins() {
		try (ConfigurableApplicationContext context = run(Map.of())) {
			assertProperties(context.getEnvironment(), Map.of("server.shutdown", "immediate", "server.port", "8089"));
		}
	}

	@Test
	void environmentVariablesResolveThePlaceholdersAndOverrideTheDefaults() {
		Map<String, Object> variables = Map.of("SERVER_PORT", "9191", "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
				"DATABASE_LOCK_TIMEOUT", "2s", "MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "always",
				"SPRING_KAFKA_LISTENER_CONCURRENCY", "1");
		try (ConfigurableApplicationContext context = run(variables)) {
			assertProperties(context.getEnvironment(), Map.of(
					// a placeholder in application.yml
					"server.port", "9191",
					// a placeholder in the defaults
					"spring.kafka.bootstrap-servers", "broker:9092", "spring.datasource.hikari.connection-init-sql",
					"SET lock_timeout = '2s'",
					// relaxed binding of a variable over a default
					"management.endpoint.health.show-details", "always", "spring.kafka.listener.concurrency", "1"));
		}
	}

	@Test
	void commandLineArgumentsWin() {
		try (ConfigurableApplicationContext context = run(Map.of(), "--spring.jpa.open-in-view=true",
				"--management.metrics.tags.application=other")) {
			assertProperties(context.getEnvironment(),
					Map.of("spring.jpa.open-in-view", "true", "management.metrics.tags.application", "other"));
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

	/** Asserts the values of these properties, naming each one that differs. */
	private static void assertProperties(Environment environment, Map<String, String> expected) {
		Map<String, @Nullable String> actual = new HashMap<>();
		expected.keySet().forEach((name) -> actual.put(name, environment.getProperty(name)));
		assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
	}

	private static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
		return DefaultsApplication.run(variables, args);
	}

}
