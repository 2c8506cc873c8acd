package io.orderflow.inventory.reservation;

import io.orderflow.service.OrderId;

/**
 * What the saga asks of the inventory for one order: reserve its stock, release it, sell
 * it, or cancel it ({@link ReservationService#apply}).
 */
public sealed interface StockCommand permits ReserveStock, ReleaseStock, ConfirmSale, CancelReservation {

	/**
	 * @return the order
	 */
	OrderId orderId();

}
