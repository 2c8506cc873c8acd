package io.orderflow.authclient;

import java.util.List;

/**
 * The clients and scopes the suite's authorization server ({@code auth-server})
 * registers, as its callers name them: the tools and the tests get their tokens with
 * these.
 */
public final class SuiteClients {

	/** The public client people log in with (authorization code with PKCE). */
	public static final String CLI_CLIENT = "orderflow-cli";

	/** The operators' confidential client (client credentials). */
	public static final String OPS_CLIENT = "orderflow-ops";

	/** What a customer's token grants. */
	public static final String CUSTOMER_SCOPE = "orders";

	/** Every scope of {@value #OPS_CLIENT}. */
	public static final List<String> OPS_SCOPES = List.of("orders:admin", "catalog:admin", "accounts:admin", "ops");

	private SuiteClients() {
	}

	/**
	 * @param issuer the server's base URL, without a trailing {@code /}
	 * @return the redirect URI of {@value #CLI_CLIENT} on that server
	 */
	public static String cliRedirectUri(String issuer) {
		return issuer + "/authorized";
	}

}
