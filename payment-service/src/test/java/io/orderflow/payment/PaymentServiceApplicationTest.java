package io.orderflow.payment;

import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.ServiceEndpoints;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

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
		ServiceEndpoints.assertMigratedWithOutbox(this.jdbc, "accounts", "payments");
	}

	@Test
	void exposesHealthAndPrometheusOnly() {
		ServiceEndpoints.assertServesHealthAndPrometheusOnly(this.port, "payment-service",
				"orderflow_payments_total{application=\"payment-service\",outcome=\"failed\",reason=\"insufficient_funds\"} 0",
				"orderflow_payments_duplicates_total");
	}

}
