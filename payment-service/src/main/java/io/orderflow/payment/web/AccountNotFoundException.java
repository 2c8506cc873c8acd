package io.orderflow.payment.web;

import io.orderflow.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * {@code 404 account-not-found}: the customer has no account.
 */
class AccountNotFoundException extends ProblemException {

	AccountNotFoundException() {
		// the customer id is in the problem's instance (the request path); not echoed
		// here,
		// it may be any text
		super(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", "There is no account for this customer");
	}

}
