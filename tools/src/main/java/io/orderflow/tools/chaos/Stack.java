package io.orderflow.tools.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.schemas.Topics;
import io.orderflow.tools.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The running stack as the fault suite drives it: its processes (by the pid files of
 * {@code ./orderflow up}), signals to them, restarts through the script, the brokers'
 * view of partition leaders and replicas, and PostgreSQL.
 */
final class Stack implements AutoCloseable {

	private static final Duration ISR_WAIT = Duration.ofSeconds(120);

	private final Path pids;

	private final Path orderflow;

	private final String databasePrefix;

	private final Admin admin;

	Stack(ChaosOptions options) {
		this.pids = options.state().resolve("pids");
		this.orderflow = options.orderflow();
		this.databasePrefix = options.databasePrefix();
		this.admin = Admin
			.create(KafkaClients.config(options.bootstrapServers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
					15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
	}

	/**
	 * @param component a component of the stack ({@code kafka-2}, {@code relay}, ...)
	 * @return its process id
	 */
	long pid(String component) throws IOException {
		Path file = this.pids.resolve(component + ".pid");
		if (!Files.exists(file)) {
			throw new IllegalStateException(component + " is not running (no " + file + ")");
		}
		return Long.parseLong(Files.readString(file).trim());
	}

	/**
	 * Sends a signal to a component's process.
	 * @param component the component
	 * @param signal {@code KILL}, {@code TERM} (both wait until the process is gone),
	 * {@code STOP} or {@code CONT}
	 */
	void signal(String component, String signal) throws IOException, InterruptedException {
		long pid = pid(component);
		run(List.of("kill", "-s", signal, Long.toString(pid)));
		if (signal.equals("KILL") || signal.equals("TERM")) {
			// TERM: a graceful stop, which Spring Boot bounds (graceful shutdown,
			// lifecycle timeouts)
			ProcessHandle.of(pid).ifPresent((process) -> process.onExit().join());
			Files.deleteIfExists(this.pids.resolve(component + ".pid"));
		}
	}

	/**
	 * Starts a component that is not running and waits until it is ready
	 * ({@code ./orderflow start}).
	 * @param component the component
	 */
	void start(String component) throws IOException, InterruptedException {
		run(List.of(this.orderflow.toString(), "start", component));
	}

	/**
	 * @param topic a topic
	 * @param partition one of its partitions
	 * @return the component name of the broker leading it ({@code kafka-<id>})
	 */
	String leaderOf(String topic, int partition) throws InterruptedException {
		TopicDescription description = describe(List.of(topic)).get(0);
		return "kafka-" + description.partitions().get(partition).leader().id();
	}

	/**
	 * Waits until every partition of the saga topics has all its replicas in sync again
	 * (a restarted broker has caught up).
	 */
	void awaitReplicasInSync() throws InterruptedException {
		long deadline = System.nanoTime() + ISR_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				List<TopicDescription> topics = describe(Topics.ALL);
				boolean inSync = topics.stream()
					.flatMap((topic) -> topic.partitions().stream())
					.allMatch((partition) -> partition.isr().size() == partition.replicas().size()
							&& partition.leader() != null);
				if (inSync) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// the cluster is still electing: ask again
			}
			TimeUnit.SECONDS.sleep(1);
		}
		throw new IllegalStateException("the saga topics' replicas were not in sync again within " + ISR_WAIT);
	}

	/** Restarts the PostgreSQL server (every connection of every service is dropped). */
	void restartPostgres() throws IOException, InterruptedException {
		String version;
		try (var clusters = Files.list(Path.of("/etc/postgresql"))) {
			version = clusters.map((path) -> path.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
		}
		run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"));
	}

	/**
	 * Makes one service's database unreachable: no new connection is accepted and every
	 * open one is terminated (as a network partition between the service and its database
	 * would), or reachable again.
	 * @param service {@code order}, {@code inventory} or {@code payment}
	 * @param reachable whether connections are accepted
	 */
	void databaseReachable(String service, boolean reachable) throws SQLException {
		String database = this.databasePrefix + "_" + service;
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + reachable);
			if (!reachable) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
						+ "' AND pid <> pg_backend_pid()");
			}
		}
	}

	/**
	 * @param service {@code order}, {@code inventory} or {@code payment}
	 * @return a new connection to the service's database
	 */
	Connection connectTo(String service) throws SQLException {
		return connect(this.databasePrefix + "_" + service);
	}

	static Connection connect(String database) throws SQLException {
		String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
		String port = System.getenv().getOrDefault("PGPORT", "5432");
		return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
				System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv().getOrDefault("PGPASSWORD", ""));
	}

	private List<TopicDescription> describe(List<String> topics) throws InterruptedException {
		try {
			Map<String, TopicDescription> descriptions = this.admin.describeTopics(topics)
				.allTopicNames()
				.get(15, TimeUnit.SECONDS);
			List<TopicDescription> ordered = new ArrayList<>();
			topics.forEach((topic) -> ordered.add(descriptions.get(topic)));
			return ordered;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot describe " + topics + ": " + ex, ex);
		}
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
