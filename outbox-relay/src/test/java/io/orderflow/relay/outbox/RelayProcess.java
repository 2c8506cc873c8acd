package io.orderflow.relay.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.relay.OutboxRelayApplication;
import io.orderflow.testsupport.Readiness;
import io.orderflow.testsupport.SchemaRegistryServer;

/**
 * A relay instance as an operating-system process of its own (the test's class path, the
 * relay's main class), so that a test can kill it ({@code SIGKILL}) or freeze it
 * ({@code SIGSTOP}) as an operator's or the kernel's signal would. Reads the lanes it
 * owns from its Prometheus endpoint on its management port.
 */
final class RelayProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Pattern LANES_OWNED = Pattern.compile("(?m)^orderflow_outbox_lanes_owned\\{[^}]*} (\\S+)$");

	private final String name;

	private final Process process;

	private final int managementPort;

	private final Path log;

	private RelayProcess(String name, Process process, int managementPort, Path log) {
		this.name = name;
		this.process = process;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Starts a relay process publishing the database and waits until it is ready.
	 * @param name names the process and its log ({@code target/relay-<name>.log})
	 * @param database the source
	 * @param bootstrapServers the broker
	 * @param properties further properties ({@code key=value})
	 * @return the ready process
	 */
	static RelayProcess start(String name, OutboxDatabase database, String bootstrapServers, String... properties) {
		int managementPort = SchemaRegistryServer.freePort();
		List<String> command = new ArrayList<>(List.of(SchemaRegistryServer.javaExecutable(), "-Xmx192m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				OutboxRelayApplication.class.getName()));
		// a known management port (not the tests' 0): the test reads the process's
		// metrics
		List<String> all = new ArrayList<>(RelayInstance.TEST_PROPERTIES.stream()
			.filter((property) -> !property.startsWith("management.server.port="))
			.toList());
		all.addAll(RelayInstance.sourceProperties(database));
		all.add("spring.kafka.bootstrap-servers=" + bootstrapServers);
		all.add("management.server.port=" + managementPort);
		all.addAll(List.of(properties));
		all.forEach((property) -> command.add("--" + property));
		Path log = Path.of("target", "relay-" + name + ".log").toAbsolutePath();
		Process process;
		try {
			Files.createDirectories(log.getParent());
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start relay " + name, ex);
		}
		RelayProcess relay = new RelayProcess(name, process, managementPort, log);
		try {
			Readiness.await(process, relay.uri("/actuator/health/readiness"), Duration.ofSeconds(120), "relay " + name,
					log);
		}
		catch (IllegalStateException ex) {
			process.destroyForcibly();
			throw ex;
		}
		return relay;
	}

	/**
	 * @return the lanes this process owns, by its own account; -1 when it does not answer
	 */
	int ownedLanes() {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(uri("/actuator/prometheus")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = LANES_OWNED.matcher(response.body());
			return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Freezes the process: {@code SIGSTOP}. Its sockets stay open. */
	void freeze() {
		signal("STOP");
	}

	/** Lets a frozen process go on: {@code SIGCONT}. */
	void resume() {
		signal("CONT");
	}

	/** Kills the process at once: {@code SIGKILL}, nothing finished or marked. */
	void kill() {
		this.process.destroyForcibly();
		this.process.onExit().join();
	}

	/** Stops the process as an orchestrator would: {@code SIGTERM}, graceful shutdown. */
	void stop() {
		this.process.destroy();
		if (this.process.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() == null) {
			throw new IllegalStateException("relay " + this.name + " did not stop within 60 s; see " + this.log);
		}
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			signal("CONT");
			this.process.destroyForcibly();
			this.process.onExit().join();
		}
	}

	@Override
	public String toString() {
		return "relay " + this.name + " (pid " + this.process.pid() + ", log " + this.log + ")";
	}

}
