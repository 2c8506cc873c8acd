package io.orderflow.payment.web;

import io.orderflow.payment.account.AccountBalance;

/**
 * An account as the API shows it.
 *
 * @param customerId whose account
 * @param balance what is left to spend
 */
record AccountResponse(String customerId, Balance balance) {

	static AccountResponse of(AccountBalance account) {
		return new AccountResponse(account.customerId().value(),
				new Balance(account.balance().amountMinor(), account.balance().currency()));
	}

	/**
	 * @param amountMinor amount in minor units
	 * @param currency ISO 4217 code
	 */
	record Balance(long amountMinor, String currency) {

	}

}
