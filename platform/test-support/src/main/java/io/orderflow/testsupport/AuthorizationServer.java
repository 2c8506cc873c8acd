package io.orderflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderflow.authclient.SuiteClients;
import io.orderflow.authclient.TokenClient;
import io.orderflow.authclient.Tokens;

/**
 * The suite's real authorization server for integration tests, one per JVM: the jar built
 * by {@code auth-server} runs as a child process on free loopback ports (public and
 * management), with a demo password and an operations secret made at random for this JVM,
 * and is stopped when the JVM exits. Tokens are fetched the way tools fetch them
 * ({@link TokenClient}) and kept until shortly before they expire ({@link Tokens}).
 * <p>
 * {@code TEST_AUTH_URL} (base URL, e.g. {@code http://127.0.0.1:8084}) with
 * {@code TEST_AUTH_OPS_SECRET} and {@code TEST_AUTH_DEMO_PASSWORD} points the tests at a
 * running server instead; its {@code orderflow-cli} must have the redirect URI
 * {@code <TEST_AUTH_URL>/authorized}.
 */
public final class AuthorizationServer {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	/** The first user {@link #newCustomer()} hands out; the ones below are the tools'. */
	private static final int FIRST_TEST_CUSTOMER = 101;

	/**
	 * The named users of the tests' server: the demo customers, and the customers the
	 * end-to-end tests name.
	 */
	public static final List<String> USERS = List.of("alice", "bob", "carol", "rich", "poor", "ghost", "once", "steady",
			"obs", "obs-lag", "tracer");

	/** How many load users the server of the tests has. */
	private static final int LOAD_USERS = 2000;

	private static final AtomicInteger nextCustomer = new AtomicInteger(FIRST_TEST_CUSTOMER);

	/** Where the server listens: chosen before it starts, so contexts can trust it. */
	private static final Once<String> ADDRESS = new Once<>(AuthorizationServer::address);

	private static final Once<Running> SERVER = new Once<>(AuthorizationServer::start);

	private AuthorizationServer() {
	}

	/**
	 * @return the issuer, the base URL of the server (e.g.
	 * {@code http://127.0.0.1:40123}, no trailing {@code /}), started on first call; the
	 * {@code iss} of its tokens
	 */
	public static String issuer() {
		return SERVER.get().url();
	}

	/**
	 * The issuer the services under test trust, without starting the server: it starts
	 * when the first token is asked for, before any request can carry one (a service
	 * fetches the key set with the first token it sees).
	 * @return the issuer's base URL
	 */
	public static String trustedIssuer() {
		return ADDRESS.get();
	}

	/**
	 * A customer no other test of this JVM acts as: a user of the server
	 * ({@code load-101}, {@code load-102}, ...), for tests that need a customer of their
	 * own (e.g. to list only their own orders).
	 * @return the user name
	 */
	public static String newCustomer() {
		int n = nextCustomer.getAndIncrement();
		if (n > LOAD_USERS) {
			throw new IllegalStateException("more than " + (LOAD_USERS - FIRST_TEST_CUSTOMER + 1)
					+ " test customers in one JVM: raise AuthorizationServer.LOAD_USERS");
		}
		return "load-" + n;
	}

	/**
	 * @return where the server publishes the keys that verify its tokens,
	 * {@code <issuer>/oauth2/jwks}
	 */
	public static String jwkSetUri() {
		return issuer() + "/oauth2/jwks";
	}

	/**
	 * A customer's access token, as the command-line client gets it: scope
	 * {@code orders}, audience {@code orderflow-api}, subject the user name. Kept per
	 * user and fetched again when it expires within a minute; thread-safe.
	 * @param username a demo customer ({@code alice}, {@code bob}, {@code carol}) or a
	 * load user ({@code load-1} … {@code load-32})
	 * @return the token, for {@code Authorization: Bearer}
	 * @throws io.orderflow.authclient.TokenException when the server refuses the user
	 */
	public static String userToken(String username) {
		Running server = SERVER.get();
		return server.tokens()
			.userToken(SuiteClients.CLI_CLIENT, SuiteClients.cliRedirectUri(server.url()), username,
					server.demoPassword(), SuiteClients.CUSTOMER_SCOPE);
	}

	/**
	 * The operations client's own access token with all its scopes
	 * ({@link SuiteClients#OPS_SCOPES}), audience {@code orderflow-api}, subject
	 * {@code orderflow-ops}. Kept and fetched again when it expires within a minute;
	 * thread-safe.
	 * @return the token, for {@code Authorization: Bearer}
	 */
	public static String opsToken() {
		Running server = SERVER.get();
		return server.tokens()
			.clientCredentials(SuiteClients.OPS_CLIENT, server.opsSecret(),
					SuiteClients.OPS_SCOPES.toArray(String[]::new));
	}

	private static String address() {
		String external = System.getenv("TEST_AUTH_URL");
		if (external != null && !external.isBlank()) {
			return external.replaceAll("/+$", "");
		}
		return "http://127.0.0.1:" + SchemaRegistryServer.freePort();
	}

	private static Running start() {
		String url = ADDRESS.get();
		if (System.getenv("TEST_AUTH_URL") != null && !System.getenv("TEST_AUTH_URL").isBlank()) {
			return running(url, required("TEST_AUTH_OPS_SECRET"), required("TEST_AUTH_DEMO_PASSWORD"));
		}
		long started = System.nanoTime();
		Path jar = locateJar();
		int port = URI.create(url).getPort();
		int managementPort = SchemaRegistryServer.freePort();
		String opsSecret = randomSecret();
		String demoPassword = randomSecret();
		Path log = Path.of("target", "auth-server-" + port + ".log").toAbsolutePath();
		Process process;
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(SchemaRegistryServer.javaExecutable(), "-Xmx256m",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toString());
			// the secrets in the environment: ps shows the command line
			Map<String, String> environment = builder.environment();
			environment.put("ORDERFLOW_AUTH_PORT", Integer.toString(port));
			environment.put("ORDERFLOW_AUTH_MANAGEMENT_PORT", Integer.toString(managementPort));
			environment.put("ORDERFLOW_AUTH_ISSUER", url);
			environment.put("ORDERFLOW_AUTH_CLI_REDIRECT_URI", SuiteClients.cliRedirectUri(url));
			environment.put("ORDERFLOW_AUTH_OPS_SECRET", opsSecret);
			environment.put("ORDERFLOW_AUTH_DEMO_PASSWORD", demoPassword);
			environment.put("ORDERFLOW_AUTH_LOAD_USERS", Integer.toString(LOAD_USERS));
			// the demo customers, and those the end-to-end tests name in their orders
			environment.put("ORDERFLOW_AUTH_USERS", String.join(",", USERS));
			// no secret files of the machine running the tests
			environment.put("ORDERFLOW_SECRETS_DIR", log.getParent().resolve("auth-server-no-secrets").toString());
			environment.remove("ORDERFLOW_AUTH_SIGNING_KEYS");
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not launch the authorization server " + jar, ex);
		}
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> SchemaRegistryServer.stop(process), "auth-server-shutdown"));
		try {
			Readiness.await(process, URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"),
					STARTUP_TIMEOUT, "authorization server", log);
		}
		catch (IllegalStateException ex) {
			SchemaRegistryServer.stop(process);
			throw ex;
		}
		System.out.printf("[test-support] authorization server %s ready in %d ms (log: %s)%n", url,
				(System.nanoTime() - started) / 1_000_000, log);
		return running(url, opsSecret, demoPassword);
	}

	private static Running running(String url, String opsSecret, String demoPassword) {
		return new Running(url, opsSecret, demoPassword, new Tokens(new TokenClient(url)));
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("TEST_AUTH_URL is set, " + name + " is not");
		}
		return value;
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The server jar: {@code -Dorderflow.auth-server.jar} (set by the build),
	 * {@code ORDERFLOW_AUTH_SERVER_JAR}, or
	 * {@code auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar} in this or a parent
	 * directory.
	 */
	private static Path locateJar() {
		for (String candidate : new String[] { System.getProperty("orderflow.auth-server.jar"),
				System.getenv("ORDERFLOW_AUTH_SERVER_JAR") }) {
			if (candidate != null && Files.isRegularFile(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path jar = dir.resolve("auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar");
			if (Files.isRegularFile(jar)) {
				return jar;
			}
		}
		throw new IllegalStateException("authorization server not built: run './mvnw -pl auth-server package' "
				+ "or set TEST_AUTH_URL; looked for " + List.of("orderflow.auth-server.jar",
						"ORDERFLOW_AUTH_SERVER_JAR", "auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar"));
	}

	/**
	 * The server the tests use, its secrets and the tokens fetched from it.
	 */
	private record Running(String url, String opsSecret, String demoPassword, Tokens tokens) {

		@Override
		public String toString() {
			return "AuthorizationServer[" + this.url + "]";
		}

	}

}
