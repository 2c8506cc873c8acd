package io.orderflow.payment.charge;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.service.OrderId;

/**
 * The customer's account could not be charged for the order; nothing was taken.
 *
 * @param eventId unique id of this event
 * @param orderId the order not paid
 * @param customerId whose account it was to be charged to
 * @param amount the amount that was to be charged
 * @param reason why not
 * @param detail explanation for humans
 * @param occurredAt when, with millisecond precision
 */
public record PaymentFailed(UUID eventId, OrderId orderId, CustomerId customerId, Money amount,
		PaymentFailureReason reason, String detail, Instant occurredAt) {

}
