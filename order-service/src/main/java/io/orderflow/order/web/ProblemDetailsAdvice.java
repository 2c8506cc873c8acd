package io.orderflow.order.web;

import java.util.ArrayList;
import java.util.List;

import io.orderflow.order.DuplicateSkuException;
import io.orderflow.order.IdempotencyKeyReusedException;
import io.orderflow.order.OrderEventsUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.Errors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem details with a stable {@code type} (see
 * {@link ProblemTypes}); input errors name the field in an {@code errors} array. No
 * response carries exception messages or stack traces.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler
	ProblemDetail duplicateSku(DuplicateSkuException ex) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.DUPLICATE_SKU,
				"Duplicate SKU", "SKU " + ex.sku() + " is on more than one line; put its whole quantity on one line");
		problem.setProperty("sku", ex.sku());
		return InvalidField.attach(problem,
				List.of(new InvalidField("lines[" + ex.lineIndex() + "].sku", "repeats SKU " + ex.sku())));
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				ProblemTypes.IDEMPOTENCY_KEY_REUSE, "Idempotency key reused",
				"This Idempotency-Key was used before with a different request; use a new key for a new order");
		return InvalidField.attach(problem,
				List.of(new InvalidField(OrderController.IDEMPOTENCY_KEY, "was used before with a different request")));
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, OrderEventsUnavailableException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		this.logger.warn("Request failed on a dependency: " + ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
					"Service unavailable", "The service cannot reach a dependency; retry later"));
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		this.logger.error("Unexpected error", ex);
		return ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
				"Internal server error", "An unexpected error occurred");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, fieldErrors(ex.getBindingResult()), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, InvalidParameters.of(ex), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, List.of(new InvalidField(ex.getParameterName(), "is required")), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Class<?> type = ex.getRequiredType();
		String message = (type == int.class || type == Integer.class) ? "must be a whole number"
				: "has an invalid value";
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "";
		return invalid(ex, List.of(new InvalidField(field, message)), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = UnreadableBody.problem(ex);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/**
	 * Gives problems that Spring MVC raised itself (404, 405, 415, ...) a type, and hides
	 * the messages of 5xx problems.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem && ProblemTypes.isUntyped(problem)) {
			problem.setType(ProblemTypes.forStatus(status));
			if (status.is5xxServerError()) {
				problem.setDetail("An unexpected error occurred");
			}
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<InvalidField> fields, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = InvalidField.attach(ProblemTypes.problem(HttpStatus.BAD_REQUEST,
				ProblemTypes.INVALID_REQUEST, "Invalid request", "The request has invalid fields; see errors"), fields);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	static List<InvalidField> fieldErrors(Errors errors) {
		List<InvalidField> fields = new ArrayList<>();
		errors.getFieldErrors().forEach((error) -> fields.add(new InvalidField(error.getField(), message(error))));
		errors.getGlobalErrors().forEach((error) -> fields.add(new InvalidField("", message(error))));
		return fields;
	}

	static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

}
