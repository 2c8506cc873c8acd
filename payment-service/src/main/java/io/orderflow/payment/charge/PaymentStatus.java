package io.orderflow.payment.charge;

/**
 * Where a payment stands. A payment is decided when it is recorded; only a completed one
 * moves again, once, when its order is cancelled: {@code COMPLETED -> REFUNDED}.
 */
enum PaymentStatus {

	/** The account was charged. */
	COMPLETED,

	/** The account could not be charged; nothing was taken. */
	FAILED,

	/** The account was charged, and the amount given back: the order was cancelled. */
	REFUNDED,

	/**
	 * The order was cancelled before it was charged: a record without an amount, so that
	 * its {@code StockReserved}, if it still comes, charges nothing.
	 */
	CANCELLED

}
