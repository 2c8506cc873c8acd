package io.orderflow.order;

/**
 * An order's events could not be stored because a dependency they need (the schema
 * registry) is unavailable. The change they belong to rolls back with them; retrying
 * later, with the same idempotency key, is safe.
 */
public class OrderEventsUnavailableException extends RuntimeException {

	/**
	 * @param message what was unavailable
	 * @param cause the failure
	 */
	public OrderEventsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
