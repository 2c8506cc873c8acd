package io.orderflow.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Explains why a request body could not be read, naming the field (as a JSON path) where
 * there is one. Details never echo the parser's message, which may quote the input. A
 * path names properties the client chose (an unknown property, a key of a map): a name
 * that is not {@link SafeText} of at most {@value #MAX_NAME} characters is not echoed,
 * the path then ends at the object that holds it.
 */
final class UnreadableBody {

	/** The longest property name a path echoes. */
	static final int MAX_NAME = 64;

	private UnreadableBody() {
	}

	static ProblemDetail problem(HttpMessageNotReadableException ex) {
		RequestBodyLimit.BodyLimitExceededException tooLarge = causeOf(ex,
				RequestBodyLimit.BodyLimitExceededException.class);
		if (tooLarge != null) {
			return tooLarge.toProblem().getBody();
		}
		JacksonException json = causeOf(ex, JacksonException.class);
		if (json == null) {
			return StandardProblem.MALFORMED_JSON.problem();
		}
		Path path = path(json.getPath());
		if (json instanceof UnrecognizedPropertyException) {
			String message = path.complete() ? "is not a property of this request"
					: "has a property this request does not define";
			return Problems.withErrors(StandardProblem.UNKNOWN_PROPERTY.problem(),
					List.of(new InvalidField(path.path(), message)));
		}
		// a syntax error (but not a number too large for its field) is not about a field
		boolean syntax = json instanceof StreamReadException && !(json instanceof InputCoercionException);
		if (!syntax && !path.path().isEmpty()) {
			return Problems.withErrors(
					StandardProblem.INVALID_REQUEST
						.problem("The request body has a value of the wrong type; see errors"),
					List.of(new InvalidField(path.path(), ExpectedValue.of(targetType(json)))));
		}
		return StandardProblem.MALFORMED_JSON
			.problem("The request body is not a well-formed JSON object" + where(json.getLocation()));
	}

	private static @Nullable Class<?> targetType(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch) {
			return mismatch.getTargetType();
		}
		if (ex instanceof InputCoercionException coercion) {
			return coercion.getTargetType();
		}
		return null;
	}

	private static Path path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (!SafeText.Validator.isSafe(name, 1, MAX_NAME)) {
					return new Path(path.toString(), false);
				}
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return new Path(path.toString(), true);
	}

	private static String where(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/**
	 * @param path a JSON path into the body, {@code ""} for the body itself
	 * @param complete whether it names the value itself; else it ends at the object with
	 * a property whose name is not echoed
	 */
	private record Path(String path, boolean complete) {

	}

	private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
