package io.orderflow.order;

import java.time.Instant;
import java.util.Objects;

/**
 * What inventory and payment report about an order's saga: the commands that
 * {@link SagaTransitions#apply} applies to the order.
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

		public StockReserved {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(total, "total");
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * Inventory could not reserve every line: the order ends {@code REJECTED}.
	 *
	 * @param orderId the order
	 * @param detail why, per line
	 * @param at when
	 */
	record StockRejected(OrderId orderId, String detail, Instant at) implements SagaOutcome {

		public StockRejected {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(detail, "detail");
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The customer was charged: the order ends {@code CONFIRMED}.
	 *
	 * @param orderId the order
	 * @param amount what was charged
	 * @param at when
	 */
	record PaymentCompleted(OrderId orderId, Money amount, Instant at) implements SagaOutcome {

		public PaymentCompleted {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The payment failed: the order ends {@code CANCELLED}.
	 *
	 * @param orderId the order
	 * @param reason why
	 * @param at when
	 */
	record PaymentFailed(OrderId orderId, String reason, Instant at) implements SagaOutcome {

		public PaymentFailed {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(at, "at");
		}

	}

}
