package io.orderflow.payment.account;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An amount of money in the currency's minor units (cents for EUR), never a
 * floating-point number.
 *
 * @param amountMinor amount in minor units, never negative
 * @param currency ISO 4217 code, three upper-case letters
 */
public record Money(long amountMinor, String currency) {

	private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

	private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * @throws IllegalArgumentException when the amount is negative or the currency is not
	 * an ISO 4217 code
	 */
	public Money {
		Objects.requireNonNull(currency, "currency");
		if (amountMinor < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amountMinor);
		}
		if (!isCurrencyCode(currency)) {
			throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
		}
	}

	/**
	 * @param code a candidate currency code
	 * @return whether it is an ISO 4217 code in upper case, e.g. {@code EUR}
	 */
	public static boolean isCurrencyCode(String code) {
		return CODE.matcher(code).matches() && ISO_CODES.contains(code);
	}

	/**
	 * @param other an amount in any currency
	 * @return whether both amounts are in the same currency
	 */
	public boolean hasCurrencyOf(Money other) {
		return this.currency.equals(other.currency);
	}

	/**
	 * @param other an amount in the same currency
	 * @return whether this amount is at least {@code other}
	 */
	public boolean covers(Money other) {
		requireSameCurrency(other);
		return this.amountMinor >= other.amountMinor;
	}

	/**
	 * @param other an amount in the same currency, at most this one
	 * @return the difference
	 */
	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amountMinor - other.amountMinor, this.currency);
	}

	/**
	 * @param other an amount in the same currency
	 * @return the sum
	 * @throws ArithmeticException when the sum does not fit a {@code long}
	 */
	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(this.amountMinor, other.amountMinor), this.currency);
	}

	private void requireSameCurrency(Money other) {
		if (!hasCurrencyOf(other)) {
			throw new IllegalArgumentException("cannot combine " + this + " and " + other);
		}
	}

	/**
	 * @return the amount for humans, e.g. {@code 12.50 EUR}
	 */
	@Override
	public String toString() {
		int digits = Math.max(0, Currency.getInstance(this.currency).getDefaultFractionDigits());
		return BigDecimal.valueOf(this.amountMinor, digits).toPlainString() + " " + this.currency;
	}

}
