package io.orderflow.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem a service answers with, as it is: throw it from a controller (or return it
 * from a service's own {@code @ExceptionHandler}), and the client gets its status and
 * body, with {@code instance} set to the request path. Subclass it to name a service's
 * own problems:
 *
 * <pre class="code">
 * class OrderNotFoundException extends ProblemException {
 *     OrderNotFoundException() {
 *         super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "There is no order with this id");
 *     }
 * }
 * </pre>
 */
public class ProblemException extends ErrorResponseException {

	/**
	 * @param status a 4xx or 5xx status
	 * @param type the type's name, e.g. {@code order-not-found} (see
	 * {@link Problems#type(String)})
	 * @param title the same short summary for every problem of this type
	 * @param detail this occurrence explained, in fixed text that never quotes input
	 */
	public ProblemException(HttpStatusCode status, String type, String title, String detail) {
		this(Problems.of(status, type, title, detail), null);
	}

	/**
	 * @param problem the problem to answer with, e.g. from
	 * {@link Problems#of(HttpStatusCode, String, String, String, java.util.List)}; its
	 * status is the response's
	 * @param cause what caused it, for logs only; may be null
	 */
	public ProblemException(ProblemDetail problem, @Nullable Throwable cause) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, cause);
	}

}
