package io.orderflow.relay.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.health.KafkaHealthIndicator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ForwardingAdmin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One admin client for what the relay asks the broker besides publishing: its health
 * ({@code kafka}, part of the readiness group), and the broker's view of consumer-group
 * lag and of the dead-letter topics' sizes ({@code orderflow.relay.lag-exporter.enabled},
 * on by default). The relay already talks to the broker, so it reports them without a
 * separate exporter process.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

	// closed after the beans that use it (Spring destroys dependents first), waiting at
	// most 2 s for calls in flight: Admin.close() waits up to default.api.timeout.ms (60
	// s) for them, which held up a relay's shutdown that long while the broker was gone
	@Bean(destroyMethod = "close")
	Admin relayAdmin(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-admin");
		return new ForwardingAdmin(config) {

			@Override
			public void close() {
				close(Duration.ofSeconds(2));
			}

		};
	}

	/**
	 * {@code kafka}: the suite's broker health indicator, on a client of its own (a probe
	 * never waits behind the exporters' requests). Nothing can be published while it is
	 * DOWN; rows wait in the outboxes.
	 */
	@Bean(destroyMethod = "close")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-health");
		return new KafkaHealthIndicator(Admin.create(config), Duration.ofSeconds(3));
	}

	/**
	 * The broker-view exporters, both on {@code orderflow.relay.lag-exporter.enabled}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "orderflow.relay.lag-exporter.enabled", havingValue = "true", matchIfMissing = true)
	static class Exporters {

		@Bean
		BrokerOffsets brokerOffsets(Admin relayAdmin) {
			return new BrokerOffsets(relayAdmin);
		}

		@Bean
		BrokerGauges brokerGauges(BrokerOffsets brokerOffsets, MeterRegistry meters) {
			return new BrokerGauges(brokerOffsets, meters);
		}

	}

}
