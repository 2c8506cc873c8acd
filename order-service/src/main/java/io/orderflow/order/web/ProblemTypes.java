package io.orderflow.order.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The {@code type} URIs of the problem details ({@code application/problem+json}, RFC
 * 9457) this API answers with. They are stable: clients may branch on them. Problems
 * about specific input carry an {@code errors} array of {@code {field, message}}, where
 * {@code field} is a JSON path into the body ({@code lines[0].quantity}), a query
 * parameter ({@code size}) or a header ({@code Idempotency-Key}).
 * <ul>
 * <li>{@value #BASE}{@code invalid-request} (400): a field, query parameter or header is
 * missing or invalid; see {@code errors}.</li>
 * <li>{@value #BASE}{@code malformed-json} (400): the body is missing or is not
 * well-formed JSON.</li>
 * <li>{@value #BASE}{@code unknown-property} (400): the body has a property the API does
 * not define, e.g. a {@code unitPrice} (prices are set by inventory); see
 * {@code errors}.</li>
 * <li>{@value #BASE}{@code duplicate-sku} (422): a SKU is on more than one line; the
 * {@code sku} property and {@code errors} name it.</li>
 * <li>{@value #BASE}{@code idempotency-key-reuse} (422): the {@code Idempotency-Key} was
 * used before with a different request.</li>
 * <li>{@value #BASE}{@code order-not-found} (404): no order with this id.</li>
 * <li>{@value #BASE}{@code not-found} (404): no such resource.</li>
 * <li>{@value #BASE}{@code method-not-allowed} (405): see the {@code Allow} header.</li>
 * <li>{@value #BASE}{@code not-acceptable} (406): the API answers in JSON only.</li>
 * <li>{@value #BASE}{@code payload-too-large} (413): the body exceeds 64 KiB.</li>
 * <li>{@value #BASE}{@code unsupported-media-type} (415): send
 * {@code application/json}.</li>
 * <li>{@value #BASE}{@code service-unavailable} (503): a dependency (database, schema
 * registry) is down; nothing was placed; retry later, with the same
 * {@code Idempotency-Key}; see {@code Retry-After}.</li>
 * <li>{@value #BASE}{@code internal-error} (500): an unexpected error; it is logged, the
 * response carries no details.</li>
 * <li>{@value #BASE}{@code bad-request} (400): any other malformed request.</li>
 * </ul>
 */
final class ProblemTypes {

	static final String BASE = "https://orderflow.io/problems/";

	static final URI INVALID_REQUEST = type("invalid-request");

	static final URI MALFORMED_JSON = type("malformed-json");

	static final URI UNKNOWN_PROPERTY = type("unknown-property");

	static final URI DUPLICATE_SKU = type("duplicate-sku");

	static final URI IDEMPOTENCY_KEY_REUSE = type("idempotency-key-reuse");

	static final URI ORDER_NOT_FOUND = type("order-not-found");

	static final URI NOT_FOUND = type("not-found");

	static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");

	static final URI NOT_ACCEPTABLE = type("not-acceptable");

	static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");

	static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");

	static final URI SERVICE_UNAVAILABLE = type("service-unavailable");

	static final URI INTERNAL_ERROR = type("internal-error");

	static final URI BAD_REQUEST = type("bad-request");

	private ProblemTypes() {
	}

	/**
	 * @param status a status of a problem raised by Spring MVC itself
	 * @return the type for it
	 */
	static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

	/**
	 * @param problem a problem
	 * @return whether it has no type of its own (none, or {@code about:blank})
	 */
	static boolean isUntyped(ProblemDetail problem) {
		URI type = problem.getType();
		return type == null || "about:blank".equals(type.toString());
	}

	/**
	 * @return a problem with every standard member but {@code instance} (which Spring MVC
	 * sets to the request path)
	 */
	static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static URI type(String name) {
		return URI.create(BASE + name);
	}

}
