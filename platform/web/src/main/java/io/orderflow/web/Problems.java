package io.orderflow.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;

/**
 * Builds problem details in the Orderflow contract: a {@code type} under
 * {@value #TYPE_BASE}, a {@code title} per type, the {@code status}, a {@code detail} for
 * people, and for problems about specific input an {@code errors} list of
 * {@link InvalidField}s. Spring MVC sets {@code instance} to the request path.
 * <p>
 * A {@code detail} is fixed text: it never quotes the client's input or an exception's
 * message (both may be anything). What identifies the resource is in {@code instance};
 * what identifies the input is in {@code errors} or in a property of the problem.
 */
public final class Problems {

	/** Prefix of every problem type URI; a type is stable, clients may branch on it. */
	public static final String TYPE_BASE = "https://orderflow.io/problems/";

	/** Name of the problem property that lists the invalid input. */
	public static final String ERRORS = "errors";

	private static final Pattern TYPE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Comparator<InvalidField> ORDER = Comparator.comparing(InvalidField::field)
		.thenComparing(InvalidField::message);

	private Problems() {
	}

	/**
	 * @param name the type's name in lower-case words joined by {@code -}, e.g.
	 * {@code order-not-found}
	 * @return {@value #TYPE_BASE} followed by the name
	 * @throws IllegalArgumentException when the name is not of that form
	 */
	public static URI type(String name) {
		Assert.isTrue(TYPE_NAME.matcher(name).matches(), () -> "Not a problem type name: " + name);
		return URI.create(TYPE_BASE + name);
	}

	/**
	 * @param status a 4xx or 5xx status
	 * @param type the type's name (see {@link #type(String)})
	 * @param title the same short summary for every problem of this type
	 * @param detail this occurrence explained, in fixed text (see above)
	 * @return a new problem without {@code errors}
	 */
	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		Assert.isTrue(status.isError(), () -> "Not an error status: " + status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * @param status a 4xx or 5xx status
	 * @param type the type's name (see {@link #type(String)})
	 * @param title the same short summary for every problem of this type
	 * @param detail this occurrence explained, in fixed text (see above)
	 * @param errors the invalid input, at least one
	 * @return a new problem with the {@code errors} list, sorted
	 */
	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail,
			List<InvalidField> errors) {
		return withErrors(of(status, type, title, detail), errors);
	}

	/**
	 * The standard {@code invalid-request} problem (400), for input a handler finds
	 * invalid itself.
	 * @param errors the invalid input, at least one
	 * @return a new problem with the {@code errors} list, sorted
	 */
	public static ProblemDetail invalidRequest(List<InvalidField> errors) {
		Assert.notEmpty(errors, "At least one invalid field");
		return withErrors(StandardProblem.INVALID_REQUEST.problem(), errors);
	}

	/**
	 * The {@code forbidden} problem (403) of the security contract, for a caller whose
	 * token is valid but who may not do what it asks.
	 * @param detail this occurrence explained, in fixed text
	 * @return a new problem
	 */
	public static ProblemDetail forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

	/**
	 * Sets a problem's {@code errors}, sorted by field, then message, for a stable
	 * response.
	 * @param problem the problem
	 * @param errors the invalid input
	 * @return the problem
	 */
	public static ProblemDetail withErrors(ProblemDetail problem, List<InvalidField> errors) {
		problem.setProperty(ERRORS, errors.stream().sorted(ORDER).toList());
		return problem;
	}

}
