package io.orderflow.order;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the outcomes of the other services to an order, with the order row locked, and
 * appends the resulting events to the outbox in the same transaction.
 * <p>
 * Each method runs inside the caller's transaction (the consumer's, which also records
 * the event id as processed) and returns {@code false} when the order is unknown.
 */
@Service
public class SagaTransitions {

	private final Orders orders;

	private final OrderEvents events;

	private final MeterRegistry meters;

	SagaTransitions(Orders orders, OrderEvents events, MeterRegistry meters) {
		this.orders = orders;
		this.events = events;
		this.meters = meters;
		for (OrderStatus status : OrderStatus.values()) {
			if (status != OrderStatus.PENDING) {
				completed(status);
			}
		}
		sagaDuration();
	}

	/**
	 * @param id the order
	 * @param total the total inventory priced
	 * @param at when the stock was reserved
	 * @return whether the order exists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stockReserved(OrderId id, Money total, Instant at) {
		return this.orders.findForUpdate(id.value()).map((order) -> {
			order.stockReserved(total, at);
			return true;
		}).orElse(false);
	}

	/**
	 * @param id the order
	 * @param detail why the stock was rejected
	 * @param at when
	 * @return whether the order exists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stockRejected(OrderId id, String detail, Instant at) {
		return this.orders.findForUpdate(id.value()).map((order) -> {
			finish(order, order.reject(detail, at));
			return true;
		}).orElse(false);
	}

	/**
	 * @param id the order
	 * @param amount what was charged
	 * @param at when
	 * @return whether the order exists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean paymentCompleted(OrderId id, Money amount, Instant at) {
		return this.orders.findForUpdate(id.value()).map((order) -> {
			finish(order, order.confirm(amount, at));
			return true;
		}).orElse(false);
	}

	/**
	 * @param id the order
	 * @param reason why the payment failed
	 * @param at when
	 * @return whether the order exists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean paymentFailed(OrderId id, String reason, Instant at) {
		return this.orders.findForUpdate(id.value()).map((order) -> {
			finish(order, order.cancel(reason, at));
			return true;
		}).orElse(false);
	}

	private void finish(Order order, boolean changed) {
		this.orders.flush();
		order.takeEvents().forEach(this.events::append);
		if (changed) {
			OrderStatus status = order.status();
			Duration duration = Duration.between(order.createdAt(), Instant.now());
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
