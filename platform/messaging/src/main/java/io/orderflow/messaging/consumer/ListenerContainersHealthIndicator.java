package io.orderflow.messaging.consumer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN when a listener container that should run has stopped (e.g. after a
 * {@link java.lang.Error} escaped a listener, which bypasses the error handler):
 * otherwise health would stay UP while nothing is consumed.
 */
public class ListenerContainersHealthIndicator implements HealthIndicator {

	private final KafkaListenerEndpointRegistry registry;

	public ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Health.Builder builder = Health.up();
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			boolean running = container.isRunning() && !container.isContainerPaused();
			builder.withDetail(String.valueOf(container.getListenerId()), running ? "running" : "stopped");
			if (!running && container.isAutoStartup()) {
				builder.down();
			}
		}
		return builder.build();
	}

}
