package io.orderflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderflow.e2e.Command.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite as {@code ./orderflow up} runs it, for a test: state and databases of its own
 * ({@code ORDERFLOW_HOME}, {@code ORDERFLOW_DB_PREFIX}), the script's fixed ports (so
 * outside CI the test is skipped where they are taken, see {@link MachineTools}), and
 * {@link #down} stops everything and drops the databases.
 */
final class ScriptStack {

	static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", "..")).toAbsolutePath();

	private final String prefix;

	private final Path home;

	private final List<Integer> ports;

	private final Map<String, String> environment = new HashMap<>();

	private boolean started;

	/**
	 * @param name names the state directory and the databases' prefix
	 * @param brokers Kafka brokers (1 or 3)
	 * @param extraEnvironment further settings of the script
	 */
	ScriptStack(String name, int brokers, Map<String, String> extraEnvironment) {
		this.prefix = "of_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
		this.home = Path.of("target", "orderflow-" + name).toAbsolutePath();
		this.ports = new ArrayList<>(List.of(8080, 8081, 8082, 8083, 8084, 8085, 8180, 8181, 8182, 8183, 8184));
		for (int broker = 0; broker < brokers; broker++) {
			this.ports.addAll(List.of(9092 + 2 * broker, 9093 + 2 * broker));
		}
		this.environment.putAll(Map.of("ORDERFLOW_HOME", this.home.toString(), "ORDERFLOW_DB_PREFIX", this.prefix,
				"ORDERFLOW_BUILD", "never", "ORDERFLOW_BROKERS", Integer.toString(brokers), "PROMETHEUS_PORT",
				Integer.toString(freePort()), "PGHOST", "127.0.0.1", "PGUSER", "postgres"));
		this.environment.putAll(extraEnvironment);
	}

	/**
	 * Starts the stack ({@code ./orderflow up}), or skips the test outside CI when what
	 * it needs is missing.
	 * @return the script's output
	 */
	Result up() throws Exception {
		MachineTools.require("curl", "psql", "pg_isready");
		List<Integer> taken = this.ports.stream().filter(ScriptStack::taken).toList();
		MachineTools.requireThat(taken.isEmpty(), "ports the script needs are taken: " + taken);
		MachineTools.requireThat(
				run(Duration.ofSeconds(10), Map.of(), "pg_isready", "-h", "127.0.0.1", "-p", "5432").exitCode() == 0,
				"no PostgreSQL on 127.0.0.1:5432");
		this.started = true;
		Result up = orderflow(Duration.ofMinutes(8), "up");
		assertThat(up.exitCode()).as(up.output()).isZero();
		return up;
	}

	/** Stops what {@link #up} started and drops its databases. */
	void down() throws Exception {
		if (!this.started) {
			return;
		}
		Result down = orderflow(Duration.ofMinutes(2), "down");
		assertThat(down.exitCode()).as(down.output()).isZero();
		// a killed process's sockets close as it exits, a moment after the signal
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.ports.stream().filter(ScriptStack::taken).toList()).as("ports still taken")
						.isEmpty());
		for (String service : List.of("order", "inventory", "payment")) {
			run(Duration.ofSeconds(30), Map.of(), "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc",
					"DROP DATABASE IF EXISTS " + database(service) + " WITH (FORCE)");
		}
		// the services' and the relay's roles (named like the databases)
		for (String role : List.of("order", "inventory", "payment", "relay")) {
			run(Duration.ofSeconds(30), Map.of(), "psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc",
					"DROP ROLE IF EXISTS " + database(role));
		}
	}

	/**
	 * @param timeout longest run
	 * @param args the script's arguments
	 * @return its exit code and output
	 */
	Result orderflow(Duration timeout, String... args) throws Exception {
		return run(timeout, this.environment, script(List.of(), args));
	}

	/**
	 * @param timeout longest run
	 * @param args the script's arguments
	 * @return its exit code and its standard output only (what a script piping it reads)
	 */
	Result orderflowStandardOutput(Duration timeout, String... args) throws Exception {
		return run(timeout, this.environment, script(List.of("bash", "-c", "exec \"$0\" \"$@\" 2>/dev/null"), args));
	}

	private static String[] script(List<String> before, String... args) {
		List<String> command = new ArrayList<>(before);
		command.add(ROOT.resolve("orderflow").toString());
		command.addAll(List.of(args));
		return command.toArray(String[]::new);
	}

	/**
	 * @param service {@code order}, {@code inventory} or {@code payment}
	 * @return its database's name
	 */
	String database(String service) {
		return this.prefix + "_" + service;
	}

	Path home() {
		return this.home;
	}

	static Result run(Duration timeout, Map<String, String> environment, String... command) throws Exception {
		Result result = Command.run(ROOT, environment, timeout, command);
		System.out.println(result.output());
		return result;
	}

	private static boolean taken(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
