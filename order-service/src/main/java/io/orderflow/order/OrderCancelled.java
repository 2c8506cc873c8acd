package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The order was cancelled: its payment failed, or its saga deadline passed while it was
 * still pending. Inventory releases what it reserved for the order (or never reserves
 * it), payment gives back what it charged (or never charges it).
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param occurredAt when it was cancelled
 * @param customerId who ordered
 * @param reason why: the payment's failure, or the deadline that passed
 */
public record OrderCancelled(UUID eventId, OrderId orderId, Instant occurredAt, String customerId,
		String reason) implements OrderEvent {

}
