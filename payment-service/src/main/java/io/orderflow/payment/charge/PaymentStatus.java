package io.orderflow.payment.charge;

/**
 * Where a payment ended; a payment is decided when it is recorded.
 */
enum PaymentStatus {

	/** The account was charged. */
	COMPLETED,

	/** The account could not be charged; nothing was taken. */
	FAILED

}
