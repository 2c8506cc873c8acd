package io.orderflow.relay.broker;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.orderflow.testsupport.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's {@code kafka} health contributor (part of its readiness group).
 */
class BrokerHealthIndicatorTest {

	@Test
	void upWhileTheBrokerAnswers() {
		try (Admin admin = admin(KafkaBroker.bootstrapServers())) {
			assertThat(new BrokerHealthIndicator(admin, Duration.ofSeconds(5)).health().getStatus())
				.isEqualTo(Status.UP);
		}
	}

	@Test
	void downWhileNoBrokerListens() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (Admin admin = admin("127.0.0.1:" + port)) {
			var health = new BrokerHealthIndicator(admin, Duration.ofSeconds(1)).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
		}
	}

	private static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

}
