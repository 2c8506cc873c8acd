package io.orderflow.inventory.reservation;

import java.time.Instant;

/**
 * What the inventory tells the other services about an order's stock.
 */
public sealed interface StockEvent permits StockReserved, StockRejected, StockReleased {

	/**
	 * @return the order
	 */
	OrderId orderId();

	/**
	 * @return when it happened, millisecond precision
	 */
	Instant occurredAt();

}
