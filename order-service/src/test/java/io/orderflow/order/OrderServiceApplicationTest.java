package io.orderflow.order;

import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.ServiceEndpoints;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

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
		ServiceEndpoints.assertMigratedWithOutbox(this.jdbc, "orders");
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
		ServiceEndpoints.assertServesHealthAndPrometheusOnly(this.port, "order-service");
	}

}
