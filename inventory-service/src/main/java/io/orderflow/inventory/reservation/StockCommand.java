package io.orderflow.inventory.reservation;

import io.orderflow.service.OrderId;

/**
 * What the saga asks of the inventory for one order: reserve its stock, release it, or
 * sell it ({@link ReservationService#apply}).
 */
public sealed interface StockCommand permits ReserveStock, ReleaseStock, ConfirmSale {

	/**
	 * @return the order
	 */
	OrderId orderId();

}
