package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an order and that other services learn about through the
 * outbox.
 */
public interface OrderEvent {

	/**
	 * @return unique id of the event; consumers deduplicate by it
	 */
	UUID eventId();

	/**
	 * @return the order the event belongs to
	 */
	OrderId orderId();

	/**
	 * @return when it happened (UTC, millisecond precision, as the Avro contract carries
	 * it)
	 */
	Instant occurredAt();

}
