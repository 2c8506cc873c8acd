package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The order was cancelled after its stock had been reserved, because the payment failed.
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param occurredAt when it was cancelled
 * @param customerId who ordered
 * @param reason why the payment failed
 */
public record OrderCancelled(UUID eventId, OrderId orderId, Instant occurredAt, String customerId,
		String reason) implements OrderEvent {

}
