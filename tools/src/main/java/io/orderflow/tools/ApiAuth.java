package io.orderflow.tools;

import java.net.http.HttpRequest;
import java.util.Map;

import io.orderflow.authclient.SuiteClients;
import io.orderflow.authclient.TokenClient;
import io.orderflow.authclient.Tokens;
import org.jspecify.annotations.Nullable;

/**
 * The tools' tokens for the services' APIs, from the suite's authorization server: a
 * customer's (the demo users' password, through the public client {@code orderflow-cli},
 * as a person would log in) and the operators' (client credentials of
 * {@code orderflow-ops}, the admin scopes). Tokens are kept and renewed before they
 * expire. Configured from the environment that {@code ./orderflow} sets:
 * {@code ORDERFLOW_AUTH_URL}, {@code ORDERFLOW_AUTH_DEMO_PASSWORD},
 * {@code ORDERFLOW_AUTH_OPS_SECRET}; without {@code ORDERFLOW_AUTH_URL} requests carry no
 * token (a stack with security off).
 */
public final class ApiAuth {

	/** Requests without tokens. */
	public static final ApiAuth NONE = new ApiAuth(null, null, null, null);

	private final @Nullable String issuer;

	private final @Nullable Tokens tokens;

	private final @Nullable String demoPassword;

	private final @Nullable String opsSecret;

	private ApiAuth(@Nullable String issuer, @Nullable Tokens tokens, @Nullable String demoPassword,
			@Nullable String opsSecret) {
		this.issuer = issuer;
		this.tokens = tokens;
		this.demoPassword = demoPassword;
		this.opsSecret = opsSecret;
	}

	/**
	 * @param issuer the authorization server, e.g. {@code http://127.0.0.1:8084}
	 * @param demoPassword the demo customers' password, or null (no customer tokens)
	 * @param opsSecret the operators' client secret, or null (no operator tokens)
	 * @return tokens from that server
	 */
	public static ApiAuth of(String issuer, @Nullable String demoPassword, @Nullable String opsSecret) {
		String base = issuer.replaceAll("/+$", "");
		return new ApiAuth(base, new Tokens(new TokenClient(base)), blankToNull(demoPassword), blankToNull(opsSecret));
	}

	/**
	 * @return from {@code ORDERFLOW_AUTH_URL}, {@code ORDERFLOW_AUTH_DEMO_PASSWORD} and
	 * {@code ORDERFLOW_AUTH_OPS_SECRET}; {@link #NONE} without the first
	 */
	public static ApiAuth fromEnvironment() {
		return fromEnvironment(System.getenv());
	}

	static ApiAuth fromEnvironment(Map<String, String> environment) {
		String issuer = blankToNull(environment.get("ORDERFLOW_AUTH_URL"));
		if (issuer == null) {
			return NONE;
		}
		return of(issuer, environment.get("ORDERFLOW_AUTH_DEMO_PASSWORD"),
				environment.get("ORDERFLOW_AUTH_OPS_SECRET"));
	}

	/**
	 * @return whether requests carry tokens
	 */
	public boolean enabled() {
		return this.tokens != null;
	}

	/**
	 * @param customer a demo customer (a user of the authorization server)
	 * @return the customer's access token (scope {@code orders})
	 * @throws IllegalStateException without tokens or without the demo password
	 */
	public String customerToken(String customer) {
		Tokens kept = require(this.tokens, "ORDERFLOW_AUTH_URL");
		String password = require(this.demoPassword, "ORDERFLOW_AUTH_DEMO_PASSWORD");
		return kept.userToken(SuiteClients.CLI_CLIENT, SuiteClients.cliRedirectUri(this.issuer), customer, password,
				SuiteClients.CUSTOMER_SCOPE);
	}

	/**
	 * @return the operators' access token (the admin scopes)
	 * @throws IllegalStateException without tokens or without the client secret
	 */
	public String opsToken() {
		Tokens kept = require(this.tokens, "ORDERFLOW_AUTH_URL");
		return kept.clientCredentials(SuiteClients.OPS_CLIENT, require(this.opsSecret, "ORDERFLOW_AUTH_OPS_SECRET"),
				SuiteClients.OPS_SCOPES.toArray(String[]::new));
	}

	/**
	 * @param request a request to a service
	 * @param customer the customer it is sent as
	 * @return the request, with the customer's token when tokens are on
	 */
	public HttpRequest.Builder asCustomer(HttpRequest.Builder request, String customer) {
		return enabled() ? request.header("Authorization", "Bearer " + customerToken(customer)) : request;
	}

	/**
	 * @param request a request to a service
	 * @return the request, with the operators' token when tokens are on
	 */
	public HttpRequest.Builder asOperator(HttpRequest.Builder request) {
		return enabled() ? request.header("Authorization", "Bearer " + opsToken()) : request;
	}

	private static <T> T require(@Nullable T value, String variable) {
		if (value == null) {
			throw new IllegalStateException(variable + " is not set: run the tool through ./orderflow, or set "
					+ "ORDERFLOW_AUTH_URL, ORDERFLOW_AUTH_DEMO_PASSWORD and ORDERFLOW_AUTH_OPS_SECRET (see README)");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
