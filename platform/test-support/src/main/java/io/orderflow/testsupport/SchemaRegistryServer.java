package io.orderflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Apicurio Registry for integration tests, one per JVM: the server built by
 * {@code deploy/registry} runs as a child process on a free loopback port with global
 * compatibility BACKWARD, and is stopped when the JVM exits. {@code TEST_REGISTRY_URL}
 * (base URL, e.g. {@code http://127.0.0.1:8085}) points the tests at a running registry
 * instead.
 */
public final class SchemaRegistryServer {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Once<String> BASE_URL = new Once<>(SchemaRegistryServer::start);

	private SchemaRegistryServer() {
	}

	/**
	 * @return base URL of the registry, e.g. {@code http://127.0.0.1:40123}, started on
	 * first call
	 */
	public static String baseUrl() {
		return BASE_URL.get();
	}

	/**
	 * @return the Confluent-compatible API root, {@code <base>/apis/ccompat/v7}
	 */
	public static String confluentApiUrl() {
		return baseUrl() + "/apis/ccompat/v7";
	}

	/**
	 * Sends a GET to the registry.
	 * @param path path below the base URL, starting with {@code /}
	 * @return the response (any status)
	 */
	public static HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
	}

	/**
	 * Registers an Avro schema as its own artifact (or finds it registered), e.g. a newer
	 * producer's version of an event, kept apart from the suite's artifacts so that no
	 * serializer of the suite resolves it.
	 * @param artifactId the artifact, in group {@code orderflow-tests}
	 * @param schema the schema's JSON
	 * @return its content id, what a record in the registry's framing carries
	 */
	public static long register(String artifactId, String schema) {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/apis/registry/v2/groups/orderflow-tests/artifacts?ifExists=RETURN"))
			.header("Content-Type", "application/json")
			.header("X-Registry-ArtifactType", "AVRO")
			.header("X-Registry-ArtifactId", artifactId)
			.POST(HttpRequest.BodyPublishers.ofString(schema))
			.build());
		java.util.regex.Matcher contentId = java.util.regex.Pattern.compile("\"contentId\"\\s*:\\s*(\\d+)")
			.matcher(response.body());
		if (response.statusCode() / 100 != 2 || !contentId.find()) {
			throw new IllegalStateException(
					"registering " + artifactId + " failed: " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(contentId.group(1));
	}

	private static String start() {
		String external = System.getenv("TEST_REGISTRY_URL");
		if (external != null && !external.isBlank()) {
			return external.replaceAll("/+$", "");
		}
		long started = System.nanoTime();
		Path jar = locateJar();
		int port = freePort();
		String url = "http://127.0.0.1:" + port;
		Path log = Path.of("target", "schema-registry-" + port + ".log").toAbsolutePath();
		Process process;
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
					"-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString());
			builder.environment().put("HTTP_PORT", Integer.toString(port));
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not launch the schema registry " + jar, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "schema-registry-shutdown"));
		awaitReady(process, url, log);
		send(HttpRequest.newBuilder(URI.create(url + "/apis/ccompat/v7/config"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
			.build());
		System.out.printf("[test-support] Apicurio Registry %s ready in %d ms (log: %s)%n", url,
				(System.nanoTime() - started) / 1_000_000, log);
		return url;
	}

	private static void awaitReady(Process process, String url, Path log) {
		try {
			Readiness.await(process, URI.create(url + "/health/ready"), STARTUP_TIMEOUT, "schema registry", log);
		}
		catch (IllegalStateException ex) {
			stop(process);
			throw ex;
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops a child process: politely, then after 10 s forcibly. */
	static void stop(Process process) {
		process.destroy();
		if (!process.onExit().completeOnTimeout(process, 10, java.util.concurrent.TimeUnit.SECONDS).join().isAlive()) {
			return;
		}
		process.destroyForcibly();
	}

	/**
	 * The server jar: {@code -Dorderflow.registry.jar} (set by the build),
	 * {@code ORDERFLOW_REGISTRY_JAR}, or
	 * {@code deploy/registry/target/quarkus-app/quarkus-run.jar} in this or a parent
	 * directory.
	 */
	private static Path locateJar() {
		for (String candidate : new String[] { System.getProperty("orderflow.registry.jar"),
				System.getenv("ORDERFLOW_REGISTRY_JAR") }) {
			if (candidate != null && Files.isRegularFile(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path jar = dir.resolve("deploy/registry/target/quarkus-app/quarkus-run.jar");
			if (Files.isRegularFile(jar)) {
				return jar;
			}
		}
		throw new IllegalStateException("schema registry server not built: run './mvnw -pl deploy/registry package' "
				+ "or set TEST_REGISTRY_URL; looked for " + List.of("orderflow.registry.jar", "ORDERFLOW_REGISTRY_JAR",
						"deploy/registry/target/quarkus-app/quarkus-run.jar"));
	}

	/**
	 * @return the java launcher of this JVM, for child processes
	 */
	public static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * @return a TCP port that was free a moment ago, for a child process to listen on
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
