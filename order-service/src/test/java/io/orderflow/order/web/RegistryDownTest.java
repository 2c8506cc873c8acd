package io.orderflow.order.web;

import java.time.Duration;

import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the schema registry unreachable since the service started, the schemas of its
 * events are not resolved: the service is not ready, and orders are refused at once with
 * 503 and nothing is stored: the client can retry with the same key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "orderflow.schema-registry.url=http://127.0.0.1:1")
@RealInfrastructure
class RegistryDownTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void orderIsRefusedFastAsUnavailableAndNothingIsStored() {
		OrderJson request = OrderJson.anOrder();
		long started = System.nanoTime();

		OrderApi.Response response = new OrderApi(this.port).post(request, "key-registry-down");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().get("type").asString())
			.isEqualTo("https://orderflow.io/problems/service-unavailable");
		assertThat(response.body()).doesNotContain("Exception", "apicurio", "registry");
		assertThat(new StoredRows(this.jdbc).ordersOf(request.customerId())).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
	}

	@Test
	void theServiceIsNotReadyAndDoesNotConsumeWhileItsSchemasAreUnresolved() {
		OrderApi.Response readiness = new OrderApi(this.managementPort).get("/actuator/health/readiness");

		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
		assertThat(readiness.json().get("components").get("outboxSchemas").get("status").asString()).isEqualTo("DOWN");
		assertThat(readiness.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
		// a record is not taken before its effects could be written
		assertThat(this.listeners.getListenerContainers()).isNotEmpty()
			.allSatisfy((container) -> assertThat(container.isPauseRequested()).isTrue());
	}

}
