package io.orderflow.payment.charge;

import java.util.Objects;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.service.OrderId;

/**
 * Command: the order was cancelled (from {@code OrderCancelled}), so whatever was charged
 * for it goes back to the customer, and an order not charged yet is never to be charged.
 *
 * @param orderId the order
 * @param customerId who ordered (kept on the record of an order cancelled before its
 * charge; a refund goes to the account that was charged)
 * @param reason why the order was cancelled, for the payment's record
 */
public record CancelPayment(OrderId orderId, CustomerId customerId, String reason) implements PaymentCommand {

	public CancelPayment {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(reason, "reason");
	}

}
