package io.orderflow.relay.broker;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code kafka}: UP with the controller's id while the cluster answers within the
 * timeout, DOWN otherwise. Nothing can be published while it is DOWN; rows wait in the
 * outboxes. (The services' {@code kafka} contributor lives in {@code platform/messaging},
 * which the relay must not depend on: it never touches schemas or serdes.)
 */
final class BrokerHealthIndicator implements HealthIndicator {

	private final Admin admin;

	private final Duration timeout;

	BrokerHealthIndicator(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		long millis = this.timeout.toMillis();
		try {
			Node controller = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis))
				.controller()
				.get(millis, TimeUnit.MILLISECONDS);
			return Health.up().withDetail("controller", controller.idString()).build();
		}
		catch (ExecutionException | TimeoutException ex) {
			return Health.down()
				.withDetail("error", String.valueOf(ex.getCause() != null ? ex.getCause() : ex))
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

}
