package io.orderflow.payment.charge;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * Payments by outcome ({@code orderflow.payments}, tags {@code outcome} and
 * {@code reason}: {@code completed}, {@code failed} by reason, {@code refunded} when a
 * charged order was cancelled, {@code cancelled} when an order was cancelled before its
 * charge), StockReserved events that changed nothing because the order was paid before
 * ({@code orderflow.payments.duplicates{kind=order}}; redelivered records are counted by
 * the consumer pipeline, {@code orderflow.events.redelivered}), and saga events that
 * changed nothing because of the payment's state ({@code orderflow.saga.events.ignored}
 * with tags {@code event} and {@code reason}, as in inventory-service). Counted when the
 * transaction commits, so rolled-back attempts that are retried count once.
 */
@Component
class PaymentMetrics {

	private final MeterRegistry registry;

	private final Counter paidBefore;

	PaymentMetrics(MeterRegistry registry) {
		this.registry = registry;
		// every series exists from the start, so rates and alerts see zeros, not gaps
		payments("completed", "none");
		payments("refunded", "none");
		payments("cancelled", "none");
		for (PaymentFailureReason reason : PaymentFailureReason.values()) {
			payments("failed", tag(reason));
		}
		this.paidBefore = Counter.builder("orderflow.payments.duplicates")
			.description("StockReserved events that changed nothing: the order was paid before")
			.tag("kind", "order")
			.register(registry);
	}

	void completed() {
		AfterCommit.increment(payments("completed", "none"));
	}

	void failed(PaymentFailureReason reason) {
		AfterCommit.increment(payments("failed", tag(reason)));
	}

	/** A StockReserved for an order paid (or refused) before, by another event. */
	void paidBefore() {
		AfterCommit.increment(this.paidBefore);
	}

	/** A charged order was cancelled and its amount given back. */
	void refunded() {
		AfterCommit.increment(payments("refunded", "none"));
	}

	/** An order was cancelled before it was charged. */
	void cancelled() {
		AfterCommit.increment(payments("cancelled", "none"));
	}

	/**
	 * @param event the saga event that changed nothing, e.g. {@code OrderCancelled}
	 * @param reason why, e.g. {@code failed} (nothing was charged)
	 */
	void ignored(String event, String reason) {
		AfterCommit.increment(Counter.builder("orderflow.saga.events.ignored")
			.description("Saga events that changed nothing because of the payment's state")
			.tag("event", event)
			.tag("reason", reason)
			.register(this.registry));
	}

	private Counter payments(String outcome, String reason) {
		return Counter.builder("orderflow.payments")
			.description("Orders charged or refused, by outcome")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
