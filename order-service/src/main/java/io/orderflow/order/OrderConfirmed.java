package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The order was paid and is final.
 *
 * @param eventId unique id of the event
 * @param orderId the order
 * @param occurredAt when it was confirmed
 * @param customerId who ordered
 * @param total what was charged
 */
public record OrderConfirmed(UUID eventId, OrderId orderId, Instant occurredAt, String customerId,
		Money total) implements OrderEvent {

}
