package io.orderflow.payment.web;

import io.orderflow.payment.account.CustomerId;

/**
 * No account for the requested customer; answered with 404.
 */
class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(CustomerId customerId) {
		super("customer " + customerId + " has no account");
	}

}
