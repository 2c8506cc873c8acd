package io.orderflow.auth;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes and metrics are on the management port, open to the cluster; the public port has
 * none of them.
 */
@AuthServerTest
class ManagementPortTest {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void theManagementPortServesReadinessAndMetricsWithoutALogin() {
		TestServer management = TestServer.onPort(this.managementPort);

		HttpResponse<String> readiness = management.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
		HttpResponse<String> metrics = management.get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"auth-server\"");
	}

	@Test
	void thePublicPortServesNoActuatorEndpoint() {
		TestServer server = TestServer.onPort(this.port);

		for (String path : new String[] { "/actuator/prometheus", "/actuator/health/readiness", "/actuator" }) {
			HttpResponse<String> response = server.get(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain("jvm_").doesNotContain("UP");
		}
	}

}
