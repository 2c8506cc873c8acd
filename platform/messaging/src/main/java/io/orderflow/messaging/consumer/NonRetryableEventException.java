package io.orderflow.messaging.consumer;

/**
 * A record that can never be processed as it is (it violates the contract: missing data,
 * impossible values). The error handler sends it straight to the dead-letter topic
 * without retrying; operators fix the cause and replay it.
 */
public class NonRetryableEventException extends RuntimeException {

	public NonRetryableEventException(String message) {
		super(message);
	}

	public NonRetryableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
