package io.orderflow.web;

import java.util.List;

import io.orderflow.service.TransientFailures;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into a problem detail of the contract (see {@link StandardProblem}):
 * input errors name the field in {@code errors}, concurrency failures are 409, an
 * unreachable dependency is 503 with {@code Retry-After}, anything else a 500 that says
 * nothing. No response carries exception messages, stack traces or the client's input.
 * <p>
 * Ordered last, so that a service's own advice (ordered before it) handles the service's
 * exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler({ DataIntegrityViolationException.class, ConcurrencyFailureException.class })
	@Nullable ResponseEntity<Object> conflict(Exception ex, WebRequest request) {
		return handleExceptionInternal(ex, StandardProblem.CONFLICT.problem(), new HttpHeaders(), HttpStatus.CONFLICT,
				request);
	}

	/**
	 * The database is unreachable or failed in a way that a retry may not: no connection,
	 * a dropped one, a timeout. Concurrency failures, which are transient too, are
	 * handled by {@link #conflict} (the closer match wins).
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, RecoverableDataAccessException.class })
	@Nullable ResponseEntity<Object> unavailable(Exception ex, WebRequest request) {
		DependencyUnavailableException unavailable = new DependencyUnavailableException(ex);
		return handleExceptionInternal(ex, unavailable.getBody(), unavailable.getHeaders(),
				HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * The firewall refused a header or parameter when the handler read it, e.g. a control
	 * character in a header value: the client's error (400), naming the handler's headers
	 * that it refused.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> rejected(RequestRejectedException ex, HandlerMethod handler,
			HttpServletRequest servletRequest, WebRequest request) {
		List<InvalidField> headers = RejectedHeaders.of(handler, servletRequest);
		if (!headers.isEmpty()) {
			return invalid(ex, headers, new HttpHeaders(), request);
		}
		return handleExceptionInternal(ex,
				StandardProblem.BAD_REQUEST
					.problem("The request has characters this service does not accept in a header or parameter"),
				new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Anything else is a bug (500), unless it is a transient failure in disguise
	 * ({@link TransientFailures}: e.g. a JPA or Hibernate exception around a refused
	 * connection, a pool that timed out, a server shutting down), which is 503 with
	 * {@code Retry-After} like the translated ones: while a dependency is down, a client
	 * never sees 500.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (TransientFailures.isTransient(ex)) {
			return unavailable(ex, request);
		}
		return handleExceptionInternal(ex, StandardProblem.INTERNAL_ERROR.problem(), new HttpHeaders(),
				HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, InvalidParameters.of(ex.getBindingResult()), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, InvalidParameters.of(ex), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return invalid(ex, List.of(new InvalidField(ex.getParameterName(), "is required")), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return invalid(ex, List.of(new InvalidField(missing.getHeaderName(), "is required")), headers, request);
		}
		if (ex instanceof MissingRequestCookieException missing) {
			return invalid(ex, List.of(new InvalidField(missing.getCookieName(), "is required")), headers, request);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "";
		return invalid(ex, List.of(new InvalidField(field, ExpectedValue.of(ex.getRequiredType()))), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = UnreadableBody.problem(ex);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/**
	 * Every problem passes here: logs what the client is not told.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			this.logger.warn("Request failed on a dependency: " + ex + causes(ex));
		}
		else if (status.is5xxServerError()) {
			this.logger.error("Unexpected error", ex);
		}
		else if (status.value() == HttpStatus.CONFLICT.value()) {
			this.logger.info("Request conflicted with a concurrent change: " + ex);
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	/**
	 * Gives problems that Spring MVC raised itself (404, 405, 415, ...) a type, and
	 * replaces their detail, which may quote the request, with fixed text; every 503
	 * carries {@code Retry-After}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem && isUntyped(problem)) {
			StandardProblem.forStatus(status).applyTo(problem);
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				&& !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			HttpHeaders withRetryAfter = HttpHeaders.copyOf(headers);
			withRetryAfter.set(HttpHeaders.RETRY_AFTER,
					String.valueOf(DependencyUnavailableException.RETRY_AFTER_SECONDS));
			return super.createResponseEntity(body, withRetryAfter, status, request);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<InvalidField> fields, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = Problems.withErrors(StandardProblem.INVALID_REQUEST.problem(), fields);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static boolean isUntyped(ProblemDetail problem) {
		return problem.getType() == null || "about:blank".equals(problem.getType().toString());
	}

	private static String causes(Throwable ex) {
		StringBuilder causes = new StringBuilder();
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			causes.append("; caused by ").append(cause);
		}
		return causes.toString();
	}

}
