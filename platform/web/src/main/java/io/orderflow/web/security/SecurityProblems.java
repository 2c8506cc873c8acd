package io.orderflow.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.orderflow.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 in the suite's problem-detail contract. The status and the
 * {@code WWW-Authenticate} challenge of RFC 6750 come from Spring Security's bearer-token
 * handlers; the body is a problem detail of type {@code unauthorized} or
 * {@code forbidden} in fixed text: it never quotes the token or why it was refused (a
 * signature, an issuer, an audience), which would help an attacker more than a client.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler insufficientScope = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.challenge.commence(request, response, authException);
		String detail = (authException instanceof InvalidBearerTokenException)
				? "The bearer token is invalid or has expired; get a new one from the authorization server."
				: "This request needs a bearer token from the authorization server (Authorization: Bearer ...).";
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		this.insufficientScope.handle(request, response, accessDeniedException);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"The bearer token does not grant the scope this request needs.");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problems.type(type).toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
