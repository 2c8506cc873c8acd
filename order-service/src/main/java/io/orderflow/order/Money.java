package io.orderflow.order;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount of money, never a floating-point number.
 *
 * @param amountMinor amount in the currency's minor units (cents for EUR)
 * @param currency ISO 4217 code, e.g. {@code EUR}
 */
@Embeddable
public record Money(@Column(name = "amount_minor") long amountMinor,
		@Column(name = "currency", length = 3) String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (currency.length() != 3) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
		}
	}

}
