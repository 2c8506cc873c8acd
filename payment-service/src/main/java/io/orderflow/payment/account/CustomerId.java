package io.orderflow.payment.account;

import java.util.Objects;

/**
 * Identifies a customer, and so the customer's account: the id order-service was given
 * (e.g. {@code alice}).
 *
 * @param value not blank, at most {@value #MAX_LENGTH} characters
 */
public record CustomerId(String value) {

	/**
	 * Longest customer id accepted, in characters (code points, as PostgreSQL counts
	 * {@code VARCHAR(100)}).
	 */
	public static final int MAX_LENGTH = 100;

	/**
	 * @throws IllegalArgumentException when the id is blank or too long
	 */
	public CustomerId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
			throw new IllegalArgumentException("customer id must have 1 to " + MAX_LENGTH + " characters, not blank");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
