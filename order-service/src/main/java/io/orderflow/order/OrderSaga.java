package io.orderflow.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the outcomes of the other services to an order, and cancels orders whose saga
 * deadline passed, with the order row locked, and appends the resulting events to the
 * outbox in the same transaction. The row lock serializes an outcome and the deadline:
 * whichever commits first decides, and the other only adds to the timeline (an outcome)
 * or skips the order (the deadline).
 * <p>
 * Outcomes are applied inside the caller's transaction: the consumer pipeline's, which
 * also claims the event id.
 */
@Service
public class OrderSaga {

	private final Orders orders;

	private final OrderEvents events;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration deadline;

	private final Counter expired;

	OrderSaga(Orders orders, OrderEvents events, MeterRegistry meters, Clock clock, OrderProperties properties) {
		this.orders = orders;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
		this.deadline = properties.sagaDeadline();
		for (OrderStatus status : OrderStatus.values()) {
			if (status != OrderStatus.PENDING) {
				completed(status);
			}
		}
		sagaDuration();
		this.expired = Counter.builder("orderflow.orders.expired")
			.description("Orders cancelled because their saga deadline passed while they were pending")
			.register(meters);
	}

	/**
	 * Applies an outcome to its order (locked until the transaction ends) and appends the
	 * resulting events. An outcome for an order that is no longer pending only adds to
	 * its timeline.
	 * @param outcome what happened
	 * @throws UnknownOrderException when there is no such order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(SagaOutcome outcome) {
		Order order = this.orders.findForUpdate(outcome.orderId().value())
			.orElseThrow(() -> new UnknownOrderException(outcome.orderId()));
		if (outcome instanceof SagaOutcome.StockReserved reserved) {
			order.stockReserved(reserved.total(), reserved.at());
		}
		else if (outcome instanceof SagaOutcome.StockRejected rejected) {
			finish(order, order.reject(rejected.detail(), rejected.at()));
		}
		else if (outcome instanceof SagaOutcome.PaymentCompleted completed) {
			finish(order, order.confirm(completed.amount(), completed.at()));
		}
		else if (outcome instanceof SagaOutcome.PaymentFailed failed) {
			finish(order, order.cancel(failed.reason(), failed.at()));
		}
	}

	/**
	 * Cancels, in one transaction, up to {@code limit} of the oldest orders that are
	 * still {@code PENDING} past the saga deadline ({@link Order#expire}), each with its
	 * {@code OrderCancelled}. Orders whose row another transaction holds are skipped: the
	 * next call sees them again, unless the outcome being applied to them ended their
	 * saga first.
	 * @param limit most orders to cancel
	 * @return how many were cancelled (fewer than {@code limit}: no more are due now)
	 * @throws OrderEventsUnavailableException when the events cannot be stored; nothing
	 * is cancelled
	 */
	@Transactional
	int expireOverdue(int limit) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<UUID> overdue = this.orders.lockPendingPlacedBefore(now.minus(this.deadline), limit);
		for (UUID id : overdue) {
			Order order = this.orders.findForUpdate(id)
				.orElseThrow(() -> new IllegalStateException("order " + id + " is locked, yet not found"));
			boolean changed = order.expire(this.deadline, now);
			finish(order, changed);
			if (changed) {
				AfterCommit.increment(this.expired);
			}
		}
		return overdue.size();
	}

	private void finish(Order order, boolean changed) {
		this.orders.flush();
		order.takeEvents().forEach(this.events::append);
		if (changed) {
			OrderStatus status = order.status();
			Duration duration = Duration.between(order.createdAt(), this.clock.instant());
			AfterCommit.run(() -> {
				completed(status).increment();
				sagaDuration().record(duration.isNegative() ? Duration.ZERO : duration);
			});
		}
	}

	private Counter completed(OrderStatus status) {
		return Counter.builder("orderflow.orders.completed")
			.description("Orders that reached a terminal state")
			.tag("status", status.name())
			.register(this.meters);
	}

	private Timer sagaDuration() {
		return Timer.builder("orderflow.saga.duration")
			.description("From placement to the terminal state")
			.publishPercentileHistogram()
			.register(this.meters);
	}

}
