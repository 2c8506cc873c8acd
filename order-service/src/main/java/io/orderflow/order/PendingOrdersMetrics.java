package io.orderflow.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders still {@code PENDING} and the age of the oldest one, read on each scrape: the
 * "orders stuck in PENDING" alert watches the age.
 */
@Component
class PendingOrdersMetrics {

	PendingOrdersMetrics(JdbcClient jdbc, MeterRegistry meters) {
		Gauge
			.builder("orderflow.orders.pending",
					() -> jdbc.sql("SELECT count(*) FROM orders WHERE status = 'PENDING'").query(Long.class).single())
			.description("Orders waiting for the saga to finish")
			.register(meters);
		Gauge.builder("orderflow.orders.pending.oldest.age", () -> jdbc
			.sql("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM orders WHERE status = 'PENDING'")
			.query(Double.class)
			.single()).description("Age of the oldest pending order").baseUnit("seconds").register(meters);
	}

}
