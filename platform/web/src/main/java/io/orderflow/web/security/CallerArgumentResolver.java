package io.orderflow.web.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler's {@link Caller} parameter from the request's authenticated token.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String SCOPE = "SCOPE_";

	private final boolean secured;

	CallerArgumentResolver(boolean secured) {
		this.secured = secured;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		if (!this.secured) {
			return Caller.UNSECURED;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
			// the filter chain lets no request without a valid token reach a handler
			throw new IllegalStateException("A handler that takes the Caller was reached without a valid token");
		}
		Set<String> scopes = token.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(SCOPE))
			.map((authority) -> authority.substring(SCOPE.length()))
			.collect(Collectors.toUnmodifiableSet());
		return Caller.of(token.getToken().getSubject(), scopes);
	}

}
