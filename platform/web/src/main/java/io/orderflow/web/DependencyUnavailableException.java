package io.orderflow.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A dependency the request needs (the database, the broker, the schema registry) cannot
 * be reached: the client gets {@code 503 service-unavailable} with
 * {@code Retry-After: }{@value #RETRY_AFTER_SECONDS}, and may retry the same request.
 * Throw it from web code, or return it from a service's {@code @ExceptionHandler} for a
 * domain exception that means the same (domain code does not depend on this module). The
 * platform answers the same for the data-access exceptions that mean the database is
 * unreachable.
 */
public class DependencyUnavailableException extends ProblemException {

	/** Seconds a client waits before it retries, sent as {@code Retry-After}. */
	public static final int RETRY_AFTER_SECONDS = 1;

	/**
	 * @param cause the failure, for logs only (never shown to the client); may be null
	 */
	public DependencyUnavailableException(@Nullable Throwable cause) {
		super(StandardProblem.SERVICE_UNAVAILABLE.problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
	}

}
