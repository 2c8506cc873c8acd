package io.orderflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for integration tests, chosen once per JVM:
 * <ol>
 * <li>{@code TEST_POSTGRES_URL} (with {@code TEST_POSTGRES_USER},
 * {@code TEST_POSTGRES_PASSWORD}) when set;</li>
 * <li>a Testcontainers container when a Docker engine is reachable;</li>
 * <li>otherwise the server on {@code 127.0.0.1:5432} (user {@code postgres}, trust
 * auth).</li>
 * </ol>
 * Every caller of {@link #createDatabase(String)} gets a database of its own, dropped
 * when the JVM exits.
 */
public final class PostgresServer {

	private static final Once<PostgresServer> INSTANCE = new Once<>(PostgresServer::choose);

	private final String adminUrl;

	private final String username;

	private final String password;

	private final List<String> created = new CopyOnWriteArrayList<>();

	private PostgresServer(String adminUrl, String username, String password) {
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
		Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreatedDatabases, "postgres-test-db-cleanup"));
	}

	/**
	 * @return the server, chosen on first call
	 */
	public static PostgresServer get() {
		return INSTANCE.get();
	}

	private static PostgresServer choose() {
		String url = System.getenv("TEST_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			return new PostgresServer(url, env("TEST_POSTGRES_USER", "postgres"), env("TEST_POSTGRES_PASSWORD", ""));
		}
		if (!"local".equals(System.getenv("ORDERFLOW_TEST_POSTGRES")) && dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		return new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
	}

	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null
				&& !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
			return false; // no engine to ask: skip Testcontainers' probing (and its error
							// log)
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/**
	 * Creates an empty database.
	 * @param hint readable part of the name (e.g. the test class); sanitized and
	 * shortened
	 * @return the JDBC URL of the new database
	 */
	public String createDatabase(String hint) {
		String sanitized = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		String name = "of_" + sanitized.substring(0, Math.min(40, sanitized.length())) + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		execute("CREATE DATABASE " + name);
		this.created.add(name);
		return jdbcUrl(name);
	}

	/**
	 * @param database a database name
	 * @return its JDBC URL on this server
	 */
	public String jdbcUrl(String database) {
		int slash = this.adminUrl.lastIndexOf('/');
		int query = this.adminUrl.indexOf('?', slash);
		return this.adminUrl.substring(0, slash + 1) + database + ((query >= 0) ? this.adminUrl.substring(query) : "");
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + this.adminUrl + " refused: " + sql, ex);
		}
	}

	private void dropCreatedDatabases() {
		for (String name : this.created) {
			try {
				execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			catch (RuntimeException ex) {
				// best effort at JVM exit: the server may already be gone
			}
		}
	}

}
