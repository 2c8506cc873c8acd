package io.orderflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.orderflow.testsupport.Readiness;

/**
 * One service of the suite, run from its runnable jar as a process of its own, as in
 * production.
 */
final class ServiceProcess implements AutoCloseable {

	private final String module;

	private final Map<String, String> environment;

	private final int port;

	private final int managementPort;

	private final Path log;

	private Process process;

	ServiceProcess(String module, Map<String, String> environment) {
		this.module = module;
		this.port = freePort();
		this.managementPort = freePort();
		this.environment = environment;
		this.log = Path.of("target", "e2e-logs", module + ".log").toAbsolutePath();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * @return where its health and metrics are (the management port)
	 */
	String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	String module() {
		return this.module;
	}

	/**
	 * Launches the process; {@link #awaitReady(Duration)} waits for its readiness probe.
	 */
	ServiceProcess start() {
		Path root = Path.of(System.getProperty("orderflow.project.root", ".."));
		String version = System.getProperty("orderflow.project.version", "0.1.0-SNAPSHOT");
		Path jar = root.resolve(this.module).resolve("target").resolve(this.module + "-" + version + "-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " not built: run ./mvnw package first");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
						"-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.orderflow", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(this.environment);
		builder.environment().put("SERVER_PORT", Integer.toString(this.port));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(this.managementPort));
		// what the OpenTelemetry agent, when attached, names the service
		builder.environment().put("OTEL_SERVICE_NAME", this.module);
		try {
			Files.createDirectories(this.log.getParent());
			builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	void awaitReady(Duration timeout) {
		Readiness.await(this.process, URI.create(managementUrl() + "/actuator/health/readiness"), timeout, this.module,
				this.log);
	}

	/** Kills the process without any chance to clean up, like a crash. */
	void kill() {
		this.process.destroyForcibly();
		this.process.onExit().join();
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (this.process.onExit().completeOnTimeout(this.process, 20, TimeUnit.SECONDS).join().isAlive()) {
				this.process.destroyForcibly();
			}
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
