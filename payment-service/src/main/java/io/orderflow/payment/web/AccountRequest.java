package io.orderflow.payment.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /accounts/{customerId}}.
 *
 * @param balanceMinor the balance in minor units (cents for EUR), not negative
 * @param currency ISO 4217 code of the account, e.g. {@code EUR}
 */
record AccountRequest(@NotNull @PositiveOrZero @Nullable Long balanceMinor,
		@NotNull @CurrencyCode @Nullable String currency) {

}
