package io.orderflow.payment.charge;

/**
 * Why an order could not be paid.
 */
public enum PaymentFailureReason {

	/** The balance does not cover the order total. */
	INSUFFICIENT_FUNDS,

	/** The customer has no account. */
	UNKNOWN_ACCOUNT,

	/** The account is kept in another currency than the order's. */
	CURRENCY_MISMATCH

}
