package io.orderflow.payment.web;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /accounts/{customerId}}.
 * <p>
 * The balance is bounded at {@value #MAX_BALANCE_MINOR} minor units (10 trillion in a
 * currency of two decimals, more than any order can cost): below 2<sup>53</sup>, so that
 * every JSON client (JavaScript included) reads a balance exactly, and far below the
 * largest {@code long}, so that refunds on top of it (each at most what was debited) can
 * never overflow it.
 *
 * @param balanceMinor the balance in minor units (cents for EUR), 0 to
 * {@value #MAX_BALANCE_MINOR}
 * @param currency ISO 4217 code of the account, e.g. {@code EUR}
 */
record AccountRequest(@NotNull @Range(min = 0, max = MAX_BALANCE_MINOR) @Nullable Long balanceMinor,
		@NotNull @CurrencyCode @Nullable String currency) {

	/** Highest balance an account is given: 10<sup>15</sup> minor units. */
	static final long MAX_BALANCE_MINOR = 1_000_000_000_000_000L;

}
