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
 * {@code orderflow.orders.*}: a ten-minute saga deadline looked at every ten seconds and
 * 10 orders a second (bursts of 20) per customer unless configured otherwise; a deadline
 * under a second, a check interval under 10 ms, or a burst under 1 keeps the service from
 * starting.
 */
class OrderPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Bind.class);

	@Test
	void defaultsToATenMinuteDeadlineLookedAtEveryTenSeconds() {
		this.context.run((context) -> assertThat(context.getBean(OrderProperties.class)).isEqualTo(new OrderProperties(
				Duration.ofMinutes(10), Duration.ofSeconds(10), new OrderProperties.RateLimit(10, 20, true))));
	}

	@Test
	void bindsBothSettings() {
		this.context
			.withPropertyValues("orderflow.orders.saga-deadline=30s",
					"orderflow.orders.saga-deadline-check-interval=500ms")
			.run((context) -> assertThat(context.getBean(OrderProperties.class)).isEqualTo(new OrderProperties(
					Duration.ofSeconds(30), Duration.ofMillis(500), new OrderProperties.RateLimit(10, 20, true))));
	}

	@Test
	void bindsTheRateLimit() {
		this.context
			.withPropertyValues("orderflow.orders.rate-limit.orders-per-second=3",
					"orderflow.orders.rate-limit.burst=5", "orderflow.orders.rate-limit.enabled=false")
			.run((context) -> assertThat(context.getBean(OrderProperties.class).rateLimit())
				.isEqualTo(new OrderProperties.RateLimit(3, 5, false)));
		this.context.withPropertyValues("orderflow.orders.rate-limit.burst=0")
			.run((context) -> assertThat(context).hasFailed());
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
