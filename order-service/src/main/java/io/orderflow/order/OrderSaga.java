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
 * Runs inside the caller's transaction: the consumer pipeline's, which also claims the
 * event id.
 */
@Service
public class OrderSaga {

	private final Orders orders;

	private final OrderEvents events;

	private final MeterRegistry meters;

	OrderSaga(Orders orders, OrderEvents events, MeterRegistry meters) {
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
