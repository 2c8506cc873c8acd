package io.orderflow.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Names the invalid inputs of a controller method by what the client sent: header, path
 * variable, query parameter, cookie and matrix variable names, and JSON paths into the
 * body.
 */
final class InvalidParameters {

	/** The annotations that name a parameter as the client sends it. */
	private static final List<Class<? extends Annotation>> NAMED = List.of(RequestHeader.class, RequestParam.class,
			PathVariable.class, CookieValue.class, MatrixVariable.class);

	private InvalidParameters() {
	}

	static List<InvalidField> of(HandlerMethodValidationException ex) {
		List<InvalidField> fields = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			MethodParameter parameter = result.getMethodParameter();
			MergedAnnotation<?> named = named(parameter);
			if (!named.isPresent() && result instanceof ParameterErrors errors) {
				// an object bound from the body, a part or the model: its fields by their
				// paths
				fields.addAll(of(errors));
				continue;
			}
			// either attribute names the parameter (merged here), else the Java name
			// applies
			String name = named.isPresent() ? named.getString("name") : "";
			String field = !name.isEmpty() ? name : String.valueOf(parameter.getParameterName());
			result.getResolvableErrors().forEach((error) -> fields.add(new InvalidField(field, message(error))));
		}
		return fields;
	}

	static List<InvalidField> of(Errors errors) {
		List<InvalidField> fields = new ArrayList<>();
		errors.getFieldErrors().forEach((error) -> fields.add(new InvalidField(error.getField(), message(error))));
		errors.getGlobalErrors().forEach((error) -> fields.add(new InvalidField("", message(error))));
		return fields;
	}

	/**
	 * @param parameter a controller method parameter
	 * @return its annotation that names it as the client sends it, or a missing one
	 */
	private static MergedAnnotation<?> named(MethodParameter parameter) {
		MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameterAnnotations());
		return NAMED.stream()
			.map(annotations::get)
			.filter(MergedAnnotation::isPresent)
			.findFirst()
			.orElse(MergedAnnotation.missing());
	}

	/**
	 * @param error a constraint violation or a binding failure
	 * @return its message; for a value that could not be converted, what was expected
	 * instead of Spring's message, which quotes the value
	 */
	static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError field && field.isBindingFailure()) {
			TypeMismatchException mismatch = field.contains(TypeMismatchException.class)
					? field.unwrap(TypeMismatchException.class) : null;
			return ExpectedValue.of((mismatch != null) ? mismatch.getRequiredType() : null);
		}
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

}
