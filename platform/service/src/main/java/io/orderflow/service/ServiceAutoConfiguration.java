package io.orderflow.service;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Beans every service needs and none should write again.
 */
@AutoConfiguration
public class ServiceAutoConfiguration {

	/**
	 * The wall clock of the service's timestamps: UTC. Backs off when the application (or
	 * a test) defines its own {@link Clock} bean.
	 * @return the system clock in UTC
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
