package io.orderflow.payment;

import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment-service starts against real PostgreSQL, Kafka and registry, migrates its
 * database and exposes only health and Prometheus metrics (payments by outcome among
 * them, from zero).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class PaymentServiceApplicationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesItsDatabaseIncludingTheOutbox() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_events").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM payments").query(Long.class).single()).isZero();
	}

	@Test
	void exposesHealthAndPrometheusOnly() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);

		assertThat(client.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"UP\"");
		assertThat(client.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatusCode.valueOf(200));
		assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains(
				"jvm_memory_used_bytes", "application=\"payment-service\"",
				"orderflow_payments_total{application=\"payment-service\",outcome=\"failed\",reason=\"insufficient_funds\"} 0",
				"orderflow_payments_duplicates_total");
		Integer envStatus = client.get()
			.uri("/actuator/env")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(envStatus).isEqualTo(404);
	}

}
