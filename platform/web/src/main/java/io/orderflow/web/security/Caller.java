package io.orderflow.web.security;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as a handler parameter: the subject of the caller's token (a
 * customer's id, or the client id of a service or tool) and the scopes it grants. With
 * security turned off ({@code orderflow.security.enabled=false}) every request comes from
 * {@link #UNSECURED}: no subject, every scope.
 *
 * @param subject the token's {@code sub}, or null when security is off
 * @param scopes the granted scopes
 * @param secured false when security is off
 */
public record Caller(@Nullable String subject, Set<String> scopes, boolean secured) {

	/** The caller of every request while security is off. */
	public static final Caller UNSECURED = new Caller(null, Set.of(), false);

	/**
	 * @param subject the token's {@code sub}
	 * @param scopes the scopes it grants
	 * @return an authenticated caller
	 */
	public static Caller of(String subject, Set<String> scopes) {
		return new Caller(subject, Set.copyOf(scopes), true);
	}

	/**
	 * @param scope a scope
	 * @return whether the caller holds it (always, while security is off)
	 */
	public boolean has(String scope) {
		return !this.secured || this.scopes.contains(scope);
	}

	/**
	 * @return the token's subject; empty while security is off
	 */
	public Optional<String> id() {
		return Optional.ofNullable(this.subject);
	}

	/**
	 * Whether the caller may see or act on what belongs to a customer: the customer
	 * themselves, a holder of the admin scope, or anyone while security is off.
	 * @param customerId the customer who owns the resource
	 * @param adminScope the scope that reaches every customer's resources
	 * @return whether the caller may
	 */
	public boolean mayAccess(String customerId, String adminScope) {
		return !this.secured || customerId.equals(this.subject) || this.scopes.contains(adminScope);
	}

}
