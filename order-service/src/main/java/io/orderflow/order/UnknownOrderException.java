package io.orderflow.order;

/**
 * A saga outcome names an order this service never placed. It can never be applied (an
 * order is committed before its {@code OrderPlaced} is published), so it is an illegal
 * argument, which the consumer pipeline sends to the dead-letter topic at once.
 */
public class UnknownOrderException extends IllegalArgumentException {

	UnknownOrderException(OrderId orderId) {
		super("unknown order " + orderId);
	}

}
