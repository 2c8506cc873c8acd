package io.orderflow.order;

import java.util.List;

import io.orderflow.testsupport.AbstractServiceApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-service starts against real PostgreSQL, Kafka and registry, migrates its
 * database and exposes only health (readiness on the database and the broker) and
 * Prometheus metrics; all its listeners consume in its group.
 */
class OrderServiceApplicationTest extends AbstractServiceApplicationTest {

	OrderServiceApplicationTest() {
		super("order-service", List.of("orders"), "orderflow_orders_expired_total{application=\"order-service\"} 0");
	}

	@Test
	void everyListenerConsumesInTheServicesGroup(@Autowired KafkaListenerEndpointRegistry listeners,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		// one group per service (order-service in application.yml, one per test class
		// here): the lag dashboards, the alerts and the KEDA autoscaler look for it
		assertThat(listeners.getListenerContainers()).hasSize(1)
			.allSatisfy((container) -> assertThat(container.getGroupId()).isEqualTo(group));
	}

}
