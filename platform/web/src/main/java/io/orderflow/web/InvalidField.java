package io.orderflow.web;

import java.util.Objects;

/**
 * One entry of a problem's {@code errors} list: which input is wrong and why.
 *
 * @param field what the client sent: a JSON path into the body
 * ({@code lines[0].quantity}), a query parameter ({@code size}) or a header
 * ({@code Idempotency-Key}); empty when the error is about the input as a whole
 * @param message what is wrong with it ({@code must be between 1 and 1000})
 */
public record InvalidField(String field, String message) {

	/**
	 * @param field what the client sent, never null
	 * @param message what is wrong with it, never null
	 */
	public InvalidField {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

}
