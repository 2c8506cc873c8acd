package io.orderflow.payment.charge;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.service.OrderId;

/**
 * The customer's account was charged for the order.
 *
 * @param eventId unique id of this event
 * @param orderId the order paid
 * @param customerId whose account was charged
 * @param paymentId the payment
 * @param amount what was charged
 * @param occurredAt when, with millisecond precision
 */
public record PaymentCompleted(UUID eventId, OrderId orderId, CustomerId customerId, PaymentId paymentId, Money amount,
		Instant occurredAt) {

}
