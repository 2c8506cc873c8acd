package io.orderflow.order;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the order domain.
 */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
