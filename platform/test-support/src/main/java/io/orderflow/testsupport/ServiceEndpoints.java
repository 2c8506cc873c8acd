package io.orderflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the suite shows of itself, asserted the same way for each: its
 * migrated database, and a management surface of health and metrics only.
 */
public final class ServiceEndpoints {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ServiceEndpoints() {
	}

	/**
	 * Asserts that the service's migrations ran: the outbox, the processed events and the
	 * service's own tables exist, all empty.
	 * @param jdbc the service's database
	 * @param ownTables the service's own tables
	 */
	public static void assertMigratedWithOutbox(JdbcClient jdbc, String... ownTables) {
		for (String table : concat(ownTables, "outbox", "processed_events")) {
			assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
		}
	}

	/**
	 * Asserts the management surface every service has: {@code /actuator/health} UP;
	 * readiness of the database and the broker; liveness of the listener containers, not
	 * of the dependencies; Prometheus with JVM metrics, the application tag and the given
	 * series, without a token; nothing else ({@code /actuator} and {@code /actuator/env}
	 * are 404, or 401 on a service that asks for tokens).
	 * @param port the service's management port
	 * @param application its {@code spring.application.name}
	 * @param series text the Prometheus scrape must contain (e.g. pre-registered series)
	 */
	public static void assertServesHealthAndPrometheusOnly(int port, String application, String... series) {
		assertThat(get(port, "/actuator/health").body()).contains("\"UP\"");
		HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}", "\"kafka\":{\"status\":\"UP\"}",
				"\"readinessState\"");
		assertThat(get(port, "/actuator/health/liveness").body())
			.contains("\"kafkaListeners\":{\"status\":\"UP\"}", "\"livenessState\"")
			.doesNotContain("\"db\"", "\"kafka\":");
		assertThat(get(port, "/actuator/prometheus").body())
			.contains(concat(series, "jvm_memory_used_bytes", "application=\"" + application + "\""));
		// not served: not found, or on a service that asks for tokens, refused without
		// one
		assertThat(get(port, "/actuator/env").statusCode()).isIn(401, 404);
		assertThat(get(port, "/actuator").statusCode()).isIn(401, 404);
	}

	/**
	 * Asserts that a service's public port serves none of the management endpoints: not
	 * found, or, on a port that asks for a token, refused without one.
	 * @param port the service's public port
	 */
	public static void assertServesNoManagementEndpoints(int port) {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
				"/actuator" }) {
			assertThat(get(port, path).statusCode()).as(path).isIn(401, 404);
		}
	}

	private static HttpResponse<String> get(int port, String path) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String[] concat(String[] given, String... more) {
		String[] all = new String[given.length + more.length];
		System.arraycopy(given, 0, all, 0, given.length);
		System.arraycopy(more, 0, all, given.length, more.length);
		return all;
	}

}
