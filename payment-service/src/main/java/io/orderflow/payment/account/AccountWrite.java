package io.orderflow.payment.account;

/**
 * What {@link AccountService#put(CustomerId, Money)} did.
 */
public enum AccountWrite {

	/** A new account was opened. */
	CREATED,

	/** An existing account got the new balance (and currency). */
	REPLACED

}
