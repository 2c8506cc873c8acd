package io.orderflow.order.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Spring's scheduling, for the saga deadline ({@code SagaDeadline}): Spring Boot then
 * provides the task scheduler it runs on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
