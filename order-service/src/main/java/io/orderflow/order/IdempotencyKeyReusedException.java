package io.orderflow.order;

/**
 * An idempotency key was sent again with a different request: the key belongs to the
 * order placed with the first request and cannot place another.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	private final String idempotencyKey;

	IdempotencyKeyReusedException(String idempotencyKey) {
		super("Idempotency key was already used with a different request");
		this.idempotencyKey = idempotencyKey;
	}

	/**
	 * @return the key
	 */
	public String idempotencyKey() {
		return this.idempotencyKey;
	}

}
