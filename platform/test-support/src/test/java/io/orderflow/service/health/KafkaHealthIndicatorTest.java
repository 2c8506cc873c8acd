package io.orderflow.service.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.orderflow.testsupport.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kafka} health contributor against the real broker, and against an address
 * where no broker listens.
 */
class KafkaHealthIndicatorTest {

	@Test
	void isUpWithTheClusterIdWhileTheBrokerAnswers() {
		try (KafkaHealthIndicator indicator = indicator(KafkaBroker.bootstrapServers())) {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
		}
	}

	@Test
	void isDownWhenNoBrokerAnswersWithinTheTimeout() throws IOException {
		int unused;
		try (ServerSocket socket = new ServerSocket(0)) {
			unused = socket.getLocalPort();
		}
		try (KafkaHealthIndicator indicator = indicator("127.0.0.1:" + unused)) {
			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		}
	}

	private static KafkaHealthIndicator indicator(String bootstrapServers) {
		return new KafkaHealthIndicator(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200)), Duration.ofSeconds(1));
	}

}
