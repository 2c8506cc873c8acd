package io.orderflow.payment;

import java.util.List;

import io.orderflow.testsupport.AbstractServiceApplicationTest;

import org.springframework.test.annotation.DirtiesContext;

/**
 * The payment-service starts against real PostgreSQL, Kafka and registry, migrates its
 * database and exposes only health and Prometheus metrics (payments by outcome among
 * them, from zero).
 */
@DirtiesContext
class PaymentServiceApplicationTest extends AbstractServiceApplicationTest {

	PaymentServiceApplicationTest() {
		super("payment-service", List.of("accounts", "payments"),
				"orderflow_payments_total{application=\"payment-service\",outcome=\"failed\",reason=\"insufficient_funds\"} 0",
				"orderflow_payments_total{application=\"payment-service\",outcome=\"refunded\",reason=\"none\"} 0",
				"orderflow_payments_duplicates_total");
	}

}
