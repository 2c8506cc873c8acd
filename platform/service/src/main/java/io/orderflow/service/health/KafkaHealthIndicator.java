package io.orderflow.service.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the Kafka cluster answers a {@code DescribeCluster} request within the
 * timeout, with the cluster id and the number of brokers; DOWN otherwise. Spring Boot has
 * no Kafka health indicator of its own; every service and the relay contribute this one
 * as {@code kafka}. One long-lived admin client serves every probe, so a probe costs one
 * request, not a new connection.
 */
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

	private final Admin admin;

	private final Duration timeout;

	/**
	 * @param admin the client to ask; closed with this indicator
	 * @param timeout how long a probe waits for the cluster's answer
	 */
	public KafkaHealthIndicator(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		try {
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int brokers = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause() instanceof Exception cause ? cause : ex).build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no answer within " + this.timeout).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
