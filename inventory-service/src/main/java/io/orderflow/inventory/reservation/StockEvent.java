package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.service.OrderId;

/**
 * What the inventory tells the other services about an order's stock.
 */
public sealed interface StockEvent permits StockReserved, StockRejected, StockReleased {

	/**
	 * @return unique id of the event, made when the event is made; consumers deduplicate
	 * by it
	 */
	UUID eventId();

	/**
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * @return when it happened, millisecond precision
	 */
	Instant occurredAt();

}
