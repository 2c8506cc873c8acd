package io.orderflow.order.web;

import java.util.List;

import io.orderflow.order.DuplicateSkuException;
import io.orderflow.order.IdempotencyKeyReusedException;
import io.orderflow.order.OrderEventsUnavailableException;
import io.orderflow.order.TooManyWaitingRequestsException;
import io.orderflow.web.DependencyUnavailableException;
import io.orderflow.web.InvalidField;
import io.orderflow.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The order service's own problems; every other error is answered by the platform's
 * contract ({@code io.orderflow.web}), which this advice is ordered before.
 * <ul>
 * <li>{@code duplicate-sku} (422): a SKU is on more than one line; {@code errors} names
 * the line that repeats it and the line it repeats, by their paths, never the SKU itself
 * (no problem quotes the input).</li>
 * <li>{@code idempotency-key-reuse} (422): the {@code Idempotency-Key} was used before
 * with a different request.</li>
 * <li>{@code service-unavailable} (503) when the order's events cannot be stored (schema
 * registry down): nothing was placed; retry with the same {@code Idempotency-Key}.</li>
 * </ul>
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	private static final Logger logger = LoggerFactory.getLogger(OrderProblems.class);

	@ExceptionHandler
	ProblemDetail duplicateSku(DuplicateSkuException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "duplicate-sku", "Duplicate SKU",
				"A SKU is on more than one line; put its whole quantity on one line",
				List.of(new InvalidField("lines[" + ex.lineIndex() + "].sku",
						"repeats the SKU of lines[" + ex.firstLineIndex() + "]")));
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reuse", "Idempotency key reused",
				"This Idempotency-Key was used before with a different request; use a new key for a new order",
				List.of(new InvalidField(OrderController.IDEMPOTENCY_KEY, "was used before with a different request")));
	}

	@ExceptionHandler
	ErrorResponse eventsUnavailable(OrderEventsUnavailableException ex) {
		logger.warn("Order refused, its events cannot be stored: {}", String.valueOf(ex.getCause()));
		return new DependencyUnavailableException(ex);
	}

	@ExceptionHandler
	ErrorResponse tooManyWaiting(TooManyWaitingRequestsException ex) {
		logger.debug("Wait refused: {}", ex.getMessage());
		DependencyUnavailableException refused = new DependencyUnavailableException(ex);
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		return refused;
	}

}
