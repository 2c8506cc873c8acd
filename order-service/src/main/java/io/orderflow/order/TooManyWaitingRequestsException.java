package io.orderflow.order;

import java.time.Duration;

/**
 * As many requests as this instance lets wait for orders to change are waiting already:
 * the client should come back shortly (the service sheds this wait instead of running out
 * of memory under a backlog).
 */
public class TooManyWaitingRequestsException extends RuntimeException {

	private final Duration retryAfter;

	/**
	 * @param limit requests that may wait at a time
	 * @param retryAfter when the client should ask again
	 */
	public TooManyWaitingRequestsException(int limit, Duration retryAfter) {
		super(limit + " requests are waiting for orders to change already");
		this.retryAfter = retryAfter;
	}

	/**
	 * @return when the client should ask again
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
