package io.orderflow.tools;

import io.orderflow.authclient.TokenException;

/**
 * {@code ./orderflow token [customer|--ops]}: prints an access token for curl, a demo
 * customer's (default {@code alice}) or the operators' (the admin scopes), and nothing
 * else on standard output.
 */
public final class TokenTool {

	private TokenTool() {
	}

	public static void main(String[] args) {
		if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
			System.err
				.println("usage: ./orderflow token [customer|--ops]   (customers: alice, bob, carol, load-1..load-32)");
			System.exit(2);
		}
		ApiAuth auth = ApiAuth.fromEnvironment();
		if (!auth.enabled()) {
			System.err.println("ORDERFLOW_AUTH_URL is not set: run ./orderflow token");
			System.exit(2);
		}
		try {
			String subject = (args.length == 0) ? "alice" : args[0];
			System.out.println(subject.equals("--ops") ? auth.opsToken() : auth.customerToken(subject));
		}
		catch (TokenException | IllegalStateException ex) {
			System.err.println("no token: " + ex.getMessage());
			System.exit(1);
		}
	}

}
