package io.orderflow.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared beans: a UTC clock unless the application (or a test) brings its own.
 */
class ServiceAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceAutoConfiguration.class));

	@Test
	void providesTheSystemClockInUtc() {
		this.runner.run((context) -> assertThat(context).getBean(Clock.class).isEqualTo(Clock.systemUTC()));
	}

	@Test
	void backsOffForTheApplicationsOwnClock() {
		Clock fixed = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean("testClock", Clock.class, () -> fixed)
			.run((context) -> assertThat(context).hasSingleBean(Clock.class).getBean(Clock.class).isSameAs(fixed));
	}

}
