package io.orderflow.relay.lag;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker-side consumer-lag exporter ({@code orderflow.relay.lag-exporter.enabled}, on
 * by default): the relay already talks to the broker and runs where the services'
 * databases are, so it reports lag for every group without a separate exporter process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.relay.lag-exporter.enabled", havingValue = "true", matchIfMissing = true)
class LagConfiguration {

	@Bean(destroyMethod = "close")
	ConsumerGroupLag consumerGroupLag(KafkaProperties kafka, MeterRegistry meters) {
		return new ConsumerGroupLag(Admin.create(kafka.buildAdminProperties()), meters);
	}

}
