package io.orderflow.order;

import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-service starts against real PostgreSQL, Kafka and registry, migrates its
 * database and exposes only health (readiness on the database and the broker) and
 * Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OrderServiceApplicationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesItsDatabaseIncludingTheOutbox() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_events").query(Long.class).single()).isZero();
	}

	@Test
	void everyListenerConsumesInTheServicesGroup(@Autowired KafkaListenerEndpointRegistry listeners,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		// one group per service (order-service in application.yml, one per test class
		// here):
		// the lag dashboards, the alerts and the KEDA autoscaler look for it
		assertThat(listeners.getListenerContainers()).hasSize(4)
			.allSatisfy((container) -> assertThat(container.getGroupId()).isEqualTo(group));
	}

	@Test
	void exposesHealthAndPrometheusOnly() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);

		assertThat(client.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"UP\"");
		assertThat(client.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatusCode.valueOf(200));
		assertThat(client.get().uri("/actuator/health/readiness").retrieve().body(String.class))
			.contains("\"db\":{\"status\":\"UP\"}", "\"kafka\":{\"status\":\"UP\"}", "\"readinessState\"");
		assertThat(client.get().uri("/actuator/health/liveness").retrieve().body(String.class))
			.contains("\"kafkaListeners\":{\"status\":\"UP\"}", "\"livenessState\"")
			.doesNotContain("\"db\"", "\"kafka\":");
		assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class))
			.contains("jvm_memory_used_bytes", "application=\"order-service\"");
		Integer envStatus = client.get()
			.uri("/actuator/env")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(envStatus).isEqualTo(404);
		Integer linksStatus = client.get()
			.uri("/actuator")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(linksStatus).isEqualTo(404);
	}

}
