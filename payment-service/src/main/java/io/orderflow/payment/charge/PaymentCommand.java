package io.orderflow.payment.charge;

import io.orderflow.service.OrderId;

/**
 * What the saga asks of payments for one order: charge it, or cancel it
 * ({@link PaymentService#apply}).
 */
public sealed interface PaymentCommand permits ChargeOrder, CancelPayment {

	/**
	 * @return the order
	 */
	OrderId orderId();

}
