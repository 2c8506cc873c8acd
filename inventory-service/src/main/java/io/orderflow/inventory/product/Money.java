package io.orderflow.inventory.product;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A non-negative amount in the minor units of its currency (cents for EUR).
 *
 * @param amountMinor amount in minor units, {@code >= 0}
 * @param currency ISO 4217 code, three upper-case letters
 */
public record Money(long amountMinor, String currency) {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (amountMinor < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amountMinor);
		}
		if (!CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
		}
	}

	/**
	 * @param quantity units, {@code >= 0}
	 * @return this amount times {@code quantity}
	 * @throws ArithmeticException when the result does not fit a {@code long}
	 */
	public Money times(int quantity) {
		return new Money(Math.multiplyExact(this.amountMinor, (long) quantity), this.currency);
	}

	/**
	 * @param other an amount in the same currency
	 * @return the sum
	 * @throws IllegalArgumentException when the currencies differ
	 * @throws ArithmeticException when the result does not fit a {@code long}
	 */
	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.amountMinor, other.amountMinor), this.currency);
	}

}
