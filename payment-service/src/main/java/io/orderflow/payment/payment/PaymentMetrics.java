package io.orderflow.payment.payment;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * Payments by outcome ({@code orderflow.payments}, tags {@code outcome} and
 * {@code reason}) and StockReserved records that changed nothing
 * ({@code orderflow.payments.duplicates}, tag {@code kind}: {@code event} for a
 * redelivered event, {@code order} for an order paid before). Counted when the
 * transaction commits, so rolled-back attempts that are retried count once.
 */
@Component
class PaymentMetrics {

	private final MeterRegistry registry;

	PaymentMetrics(MeterRegistry registry) {
		this.registry = registry;
		// every series exists from the start, so rates and alerts see zeros, not gaps
		payments("completed", "none");
		for (PaymentFailureReason reason : PaymentFailureReason.values()) {
			payments("failed", tag(reason));
		}
		for (Duplicate kind : Duplicate.values()) {
			duplicates(kind);
		}
	}

	void completed() {
		AfterCommit.increment(payments("completed", "none"));
	}

	void failed(PaymentFailureReason reason) {
		AfterCommit.increment(payments("failed", tag(reason)));
	}

	void duplicate(Duplicate kind) {
		AfterCommit.increment(duplicates(kind));
	}

	private Counter payments(String outcome, String reason) {
		return Counter.builder("orderflow.payments")
			.description("Orders charged or refused, by outcome")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

	private Counter duplicates(Duplicate kind) {
		return Counter.builder("orderflow.payments.duplicates")
			.description("StockReserved records that changed nothing: redelivered events, orders paid before")
			.tag("kind", tag(kind))
			.register(this.registry);
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** Why a StockReserved record changed nothing. */
	enum Duplicate {

		/** The event was applied before. */
		EVENT,

		/** The order was paid (or refused) before, by another event. */
		ORDER

	}

}
