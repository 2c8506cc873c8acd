package io.orderflow.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No order answers to the requested id (including ids that are not UUIDs).
 */
class OrderNotFoundException extends ErrorResponseException {

	OrderNotFoundException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		// the id is in the problem's instance (the request path); not echoed here, it may
		// be any text
		return ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.ORDER_NOT_FOUND, "Order not found",
				"There is no order with this id");
	}

}
