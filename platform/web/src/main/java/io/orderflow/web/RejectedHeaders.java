package io.orderflow.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

/**
 * Names the headers that Spring Security's firewall refused when a handler read them: it
 * lets a request with a control character in a header value through, and throws when the
 * value is read (e.g. {@code Idempotency-Key} with a C1 control, which the container
 * decodes from the byte {@code 0x85}). Only the headers the handler declares are named,
 * so a name is never the client's; their values are never echoed.
 */
final class RejectedHeaders {

	/** The message of every header named. */
	static final String MESSAGE = "must not contain control characters";

	private RejectedHeaders() {
	}

	/**
	 * @param handler the handler that read the headers
	 * @param request the request, as the handler saw it (through the firewall)
	 * @return the handler's headers whose values the firewall refuses, may be empty
	 */
	static List<InvalidField> of(HandlerMethod handler, HttpServletRequest request) {
		HttpServletRequest unfiltered = unwrapped(request);
		List<InvalidField> fields = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			MergedAnnotation<RequestHeader> header = MergedAnnotations.from(parameter.getParameterAnnotations())
				.get(RequestHeader.class);
			if (!header.isPresent()) {
				continue;
			}
			String name = !header.getString("name").isEmpty() ? header.getString("name")
					: String.valueOf(parameter.getParameterName());
			if (Collections.list(unfiltered.getHeaders(name)).stream().anyMatch(RejectedHeaders::hasControl)) {
				fields.add(new InvalidField(name, MESSAGE));
			}
		}
		return fields;
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

	/**
	 * @return the request as the container made it, under every wrapper (the firewall's
	 * among them)
	 */
	private static HttpServletRequest unwrapped(HttpServletRequest request) {
		ServletRequest inner = request;
		while (inner instanceof ServletRequestWrapper wrapper && wrapper.getRequest() instanceof HttpServletRequest) {
			inner = wrapper.getRequest();
		}
		return (HttpServletRequest) inner;
	}

}
