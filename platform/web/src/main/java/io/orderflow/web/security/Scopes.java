package io.orderflow.web.security;

/**
 * The OAuth2 scopes of the suite's APIs, granted by its authorization server. A
 * customer's token carries {@link #ORDERS}; the operators' client ({@code orderflow-ops})
 * carries the admin scopes.
 */
public final class Scopes {

	/** A customer places orders and reads their own orders and account. */
	public static final String ORDERS = "orders";

	/** Reads any customer's orders, and the orders near or past their saga deadline. */
	public static final String ORDERS_ADMIN = "orders:admin";

	/** Sets products' prices and stock. */
	public static final String CATALOG_ADMIN = "catalog:admin";

	/** Sets and reads any customer's account. */
	public static final String ACCOUNTS_ADMIN = "accounts:admin";

	/** Operations: dead letters, parked outbox rows. */
	public static final String OPS = "ops";

	private Scopes() {
	}

	/**
	 * @param scope a scope
	 * @return the authority Spring Security grants for it, {@code SCOPE_<scope>}
	 */
	public static String authority(String scope) {
		return "SCOPE_" + scope;
	}

}
