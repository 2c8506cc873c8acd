package io.orderflow.order;

import java.time.Instant;

/**
 * What inventory and payment report about an order's saga: the commands that
 * {@link OrderSaga#apply} applies to the order. Every component is non-null (the package
 * is {@code @NullMarked}; the Avro contract has no optional field here).
 */
public sealed interface SagaOutcome {

	/**
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * @return when it happened (millisecond precision)
	 */
	Instant at();

	/**
	 * Inventory reserved every line.
	 *
	 * @param orderId the order
	 * @param total the total inventory priced
	 * @param at when
	 */
	record StockReserved(OrderId orderId, Money total, Instant at) implements SagaOutcome {

	}

	/**
	 * Inventory could not reserve every line: the order ends {@code REJECTED}.
	 *
	 * @param orderId the order
	 * @param detail why, per line
	 * @param at when
	 */
	record StockRejected(OrderId orderId, String detail, Instant at) implements SagaOutcome {

	}

	/**
	 * The customer was charged: the order ends {@code CONFIRMED}.
	 *
	 * @param orderId the order
	 * @param amount what was charged
	 * @param at when
	 */
	record PaymentCompleted(OrderId orderId, Money amount, Instant at) implements SagaOutcome {

	}

	/**
	 * The payment failed: the order ends {@code CANCELLED}.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param at when
	 */
	record PaymentFailed(OrderId orderId, String reason, Instant at) implements SagaOutcome {

	}

}
