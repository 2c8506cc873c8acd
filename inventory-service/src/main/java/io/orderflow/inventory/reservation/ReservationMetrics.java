package io.orderflow.inventory.reservation;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * Domain metrics, counted when the transaction commits (a rolled-back attempt that is
 * retried counts once):
 * <ul>
 * <li>{@code orderflow.inventory.reservations{outcome=reserved|rejected|released|sold|cancelled}}
 * ({@code cancelled}: the tombstone of an order cancelled before it arrived);</li>
 * <li>{@code orderflow.saga.events.ignored{event, reason}}: saga events that changed
 * nothing because the reservation was missing or in another state (worth an alert when it
 * grows: the saga is inconsistent somewhere).</li>
 * </ul>
 */
@Component
class ReservationMetrics {

	private final MeterRegistry registry;

	ReservationMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (Outcome outcome : Outcome.values()) {
			counter(outcome);
		}
	}

	void count(Outcome outcome) {
		AfterCommit.increment(counter(outcome));
	}

	void ignored(String event, String reason) {
		AfterCommit.increment(Counter.builder("orderflow.saga.events.ignored")
			.description("Saga events that found no reservation in the expected state")
			.tag("event", event)
			.tag("reason", reason)
			.register(this.registry));
	}

	private Counter counter(Outcome outcome) {
		return Counter.builder("orderflow.inventory.reservations")
			.description("Reservations by outcome")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

	enum Outcome {

		RESERVED, REJECTED, RELEASED, SOLD, CANCELLED

	}

}
