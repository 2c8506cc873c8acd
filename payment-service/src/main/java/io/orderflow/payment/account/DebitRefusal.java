package io.orderflow.payment.account;

/**
 * Why an account was not debited.
 */
public enum DebitRefusal {

	/** The customer has no account. */
	UNKNOWN_ACCOUNT,

	/** The account is kept in another currency than the amount to debit. */
	CURRENCY_MISMATCH,

	/** The balance is lower than the amount to debit. */
	INSUFFICIENT_FUNDS

}
