package io.orderflow.payment.payment;

import java.util.Objects;
import java.util.UUID;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;

/**
 * Command: charge the customer's account for a reserved order (from
 * {@code StockReserved}).
 *
 * @param eventId id of the event that asks for the charge; a second command with the same
 * id changes nothing
 * @param orderId the order to pay; an order is paid (or refused) at most once
 * @param customerId whose account to charge
 * @param amount the order total
 */
public record ChargeOrder(UUID eventId, OrderId orderId, CustomerId customerId, Money amount) {

	public ChargeOrder {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(amount, "amount");
	}

}
