package io.orderflow.payment.charge;

import java.util.Objects;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.service.OrderId;

/**
 * Command: charge the customer's account for a reserved order (from
 * {@code StockReserved}).
 *
 * @param orderId the order to pay; an order is paid (or refused) at most once
 * @param customerId whose account to charge
 * @param amount the order total
 */
public record ChargeOrder(OrderId orderId, CustomerId customerId, Money amount) implements PaymentCommand {

	public ChargeOrder {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(amount, "amount");
	}

}
