package io.orderflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problems every service answers with, one per {@code type}; services add their own
 * (e.g. {@code order-not-found}, {@code duplicate-sku}) through {@link Problems}.
 */
enum StandardProblem {

	/** A field, query parameter or header is missing or invalid; see {@code errors}. */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
			"The request has invalid fields; see errors"),

	/** The body is missing or is not well-formed JSON. */
	MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
			"The request body is missing or unreadable"),

	/** The body has a property the API does not define; see {@code errors}. */
	UNKNOWN_PROPERTY(HttpStatus.BAD_REQUEST, "unknown-property", "Unknown property",
			"The request body has a property this API does not define; see errors"),

	/** Any other malformed request. */
	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "The request is malformed"),

	/** No such resource. */
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no resource at this path"),

	/** The resource does not support the method; see {@code Allow}. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
			"This resource does not support the request method; see the Allow header"),

	/** The API answers in JSON only. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
			"This resource answers with JSON only; see the Accept header of the request"),

	/** A concurrent change got in the way; retrying is safe. */
	CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict", "The resource was changed concurrently; retry the request"),

	/** The body exceeds the limit. */
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
			"The request body is too large"),

	/** The body's media type is not supported (send {@code application/json}). */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
			"The media type of the request body is not supported; send application/json"),

	/** A dependency is down; retry after {@code Retry-After} seconds. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
			"The service cannot reach a dependency; retry later"),

	/** A bug: logged, never explained to the client. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal server error",
			"An unexpected error occurred");

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final String detail;

	StandardProblem(HttpStatus status, String type, String title, String detail) {
		this.status = status;
		this.type = type;
		this.title = title;
		this.detail = detail;
	}

	/**
	 * @return a new problem of this type with its standard detail
	 */
	ProblemDetail problem() {
		return problem(this.detail);
	}

	/**
	 * @param detail fixed text that never quotes the input
	 * @return a new problem of this type
	 */
	ProblemDetail problem(String detail) {
		return Problems.of(this.status, this.type, this.title, detail);
	}

	/**
	 * Sets this type's type, title and standard detail on a problem that Spring MVC
	 * raised, whose own detail may quote the request (a path, a media type).
	 * @param problem the problem
	 */
	void applyTo(ProblemDetail problem) {
		problem.setType(Problems.type(this.type));
		problem.setTitle(this.title);
		problem.setDetail(this.detail);
	}

	/**
	 * @param status a status of a problem raised by Spring MVC itself
	 * @return the standard problem for it
	 */
	static StandardProblem forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

}
