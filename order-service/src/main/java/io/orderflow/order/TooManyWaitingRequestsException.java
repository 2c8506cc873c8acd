package io.orderflow.order;

/**
 * As many requests as this instance lets wait for orders to change are waiting already:
 * the client should come back shortly (the service sheds this wait instead of running out
 * of memory under a backlog).
 */
public class TooManyWaitingRequestsException extends RuntimeException {

	public TooManyWaitingRequestsException(int limit) {
		super(limit + " requests are waiting for orders to change already");
	}

}
