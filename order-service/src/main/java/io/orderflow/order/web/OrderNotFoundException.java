package io.orderflow.order.web;

import io.orderflow.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * {@code 404 order-not-found}: no order answers to the requested id (including ids that
 * are not UUIDs).
 */
class OrderNotFoundException extends ProblemException {

	OrderNotFoundException() {
		// the id is in the problem's instance (the request path); not echoed here, it may
		// be any text
		super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "There is no order with this id");
	}

}
