package io.orderflow.order.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * One entry of a problem's {@code errors} array.
 *
 * @param field JSON path into the body ({@code lines[0].quantity}), query parameter or
 * header name
 * @param message what is wrong with it
 */
record InvalidField(String field, String message) {

	/** Name of the problem property that lists the invalid fields. */
	static final String PROPERTY = "errors";

	/**
	 * Adds the fields to a problem, sorted for a stable response.
	 * @param problem the problem
	 * @param fields the invalid fields
	 * @return the problem
	 */
	static ProblemDetail attach(ProblemDetail problem, List<InvalidField> fields) {
		problem.setProperty(PROPERTY,
				fields.stream()
					.sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
					.toList());
		return problem;
	}

}
