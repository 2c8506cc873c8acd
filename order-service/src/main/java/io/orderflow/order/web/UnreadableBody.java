package io.orderflow.order.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Explains why a request body could not be read, naming the field where there is one.
 * Details never echo the parser's message, which may quote the input.
 */
final class UnreadableBody {

	private UnreadableBody() {
	}

	static ProblemDetail problem(HttpMessageNotReadableException ex) {
		if (causeOf(ex, RequestBodyLimit.BodyLimitExceededException.class) != null) {
			return new RequestBodyLimit.PayloadTooLargeException().getBody();
		}
		JacksonException json = causeOf(ex, JacksonException.class);
		if (json == null) {
			return ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
					"The request body is missing or unreadable");
		}
		String path = path(json.getPath());
		if (json instanceof UnrecognizedPropertyException) {
			return InvalidField.attach(
					ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_PROPERTY, "Unknown property",
							"The request body has a property this API does not define"),
					List.of(new InvalidField(path, unknown(path))));
		}
		// a syntax error (but not a number too large for its field) is not about a field
		boolean syntax = json instanceof StreamReadException && !(json instanceof InputCoercionException);
		if (!syntax && !path.isEmpty()) {
			return InvalidField.attach(
					ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
							"The request body has a value of the wrong type"),
					List.of(new InvalidField(path, expected(json))));
		}
		return ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
				"The request body is not a well-formed JSON object" + where(json.getLocation()));
	}

	private static String unknown(String path) {
		// clients most often send what the API deliberately leaves out
		boolean price = path.toLowerCase(Locale.ROOT).contains("price");
		return "is not a property of this request" + (price ? "; prices are set by inventory" : "");
	}

	private static String expected(JacksonException ex) {
		Class<?> target = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType()
				: (ex instanceof InputCoercionException coercion) ? coercion.getTargetType() : null;
		if (target == null) {
			return "has an invalid value";
		}
		if (target == Integer.class || target == int.class) {
			return "must be a whole number";
		}
		if (target == String.class) {
			return "must be a string";
		}
		if (List.class.isAssignableFrom(target)) {
			return "must be an array";
		}
		return "must be an object";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String where(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
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
