package io.orderflow.order;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code orderflow.orders.*}: a ten-minute saga deadline looked at every ten seconds
 * unless configured otherwise; a deadline under a second, or a check interval under 10
 * ms, keeps the service from starting.
 */
class OrderPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Bind.class);

	@Test
	void defaultsToATenMinuteDeadlineLookedAtEveryTenSeconds() {
		this.context.run((context) -> assertThat(context.getBean(OrderProperties.class))
			.isEqualTo(new OrderProperties(Duration.ofMinutes(10), Duration.ofSeconds(10))));
	}

	@Test
	void bindsBothSettings() {
		this.context
			.withPropertyValues("orderflow.orders.saga-deadline=30s",
					"orderflow.orders.saga-deadline-check-interval=500ms")
			.run((context) -> assertThat(context.getBean(OrderProperties.class))
				.isEqualTo(new OrderProperties(Duration.ofSeconds(30), Duration.ofMillis(500))));
	}

	@Test
	void refusesADeadlineUnderASecondOrACheckIntervalUnderTenMilliseconds() {
		this.context.withPropertyValues("orderflow.orders.saga-deadline=0s")
			.run((context) -> assertThat(context).hasFailed());
		this.context.withPropertyValues("orderflow.orders.saga-deadline-check-interval=1ms")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OrderProperties.class)
	static class Bind {

	}

}
