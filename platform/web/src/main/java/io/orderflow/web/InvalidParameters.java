package io.orderflow.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Names the invalid inputs of a controller method by what the client sent: header, path
 * variable and query parameter names, and JSON paths into the body.
 */
final class InvalidParameters implements HandlerMethodValidationException.Visitor {

	private final List<InvalidField> fields = new ArrayList<>();

	private InvalidParameters() {
	}

	static List<InvalidField> of(HandlerMethodValidationException ex) {
		InvalidParameters visitor = new InvalidParameters();
		ex.visitResults(visitor);
		return visitor.fields;
	}

	static List<InvalidField> of(Errors errors) {
		List<InvalidField> fields = new ArrayList<>();
		errors.getFieldErrors().forEach((error) -> fields.add(new InvalidField(error.getField(), message(error))));
		errors.getGlobalErrors().forEach((error) -> fields.add(new InvalidField("", message(error))));
		return fields;
	}

	@Override
	public void requestHeader(RequestHeader header, ParameterValidationResult result) {
		add(header.name(), header.value(), result);
	}

	@Override
	public void requestParam(RequestParam param, ParameterValidationResult result) {
		add(param.name(), param.value(), result);
	}

	@Override
	public void pathVariable(PathVariable variable, ParameterValidationResult result) {
		add(variable.name(), variable.value(), result);
	}

	@Override
	public void cookieValue(CookieValue cookie, ParameterValidationResult result) {
		add(cookie.name(), cookie.value(), result);
	}

	@Override
	public void matrixVariable(MatrixVariable variable, ParameterValidationResult result) {
		add(variable.name(), variable.value(), result);
	}

	@Override
	public void requestBody(RequestBody body, ParameterErrors errors) {
		this.fields.addAll(of(errors));
	}

	@Override
	public void modelAttribute(ModelAttribute attribute, ParameterErrors errors) {
		this.fields.addAll(of(errors));
	}

	@Override
	public void requestPart(RequestPart part, ParameterErrors errors) {
		this.fields.addAll(of(errors));
	}

	@Override
	public void other(ParameterValidationResult result) {
		add("", "", result);
	}

	private void add(String name, String value, ParameterValidationResult result) {
		// annotations name the parameter with either attribute (not merged here), else
		// the Java parameter name applies
		String field = !name.isEmpty() ? name
				: !value.isEmpty() ? value : String.valueOf(result.getMethodParameter().getParameterName());
		result.getResolvableErrors().forEach((error) -> this.fields.add(new InvalidField(field, message(error))));
	}

	static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

}
