package io.orderflow.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI description as it serves it ({@code /v3/api-docs}) against the one
 * committed in {@code docs/openapi/<service>.json}: the test fails when the code and the
 * committed description disagree. {@code -Dorderflow.openapi.write=true} writes what the
 * service serves instead (then review the diff and commit it). The authorization server's
 * address, which differs from run to run in tests, is written as the suite's default
 * issuer, {@value #DEFAULT_ISSUER}.
 */
public final class OpenApiDescription {

	/** The issuer named in the committed descriptions. */
	public static final String DEFAULT_ISSUER = "http://127.0.0.1:8084";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private OpenApiDescription() {
	}

	/**
	 * @param application the service's name, the committed file's name
	 * @return {@code docs/openapi/<application>.json} of the repository (tests run in a
	 * module's directory)
	 */
	public static Path committed(String application) {
		return Path.of(System.getProperty("orderflow.project.root", ".."))
			.resolve("docs/openapi/" + application + ".json");
	}

	/**
	 * @param port the service's port
	 * @param application the service's name
	 * @param issuer the issuer the service was started with
	 */
	public static void assertMatchesCommitted(int port, String application, String issuer)
			throws IOException, InterruptedException {
		HttpResponse<String> response = get(port, "/v3/api-docs");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String served = response.body().replace(issuer, DEFAULT_ISSUER).strip() + "\n";
		assertThat(served).as("the description").contains("\"openapi\" : \"3.1.0\"");
		Path file = committed(application);
		if (Boolean.getBoolean("orderflow.openapi.write")) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, served);
		}
		assertThat(file).as("%s: run the test with -Dorderflow.openapi.write=true to write it", file).exists();
		assertThat(served)
			.as("%s served by the code differs from %s: if the change is meant, run the test with "
					+ "-Dorderflow.openapi.write=true and commit the file", application, file)
			.isEqualTo(Files.readString(file));
	}

	/**
	 * @param port the service's port
	 */
	public static void assertServesSwaggerUi(int port) throws IOException, InterruptedException {
		HttpResponse<String> page = get(port, "/swagger-ui/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		HttpResponse<String> config = get(port, "/v3/api-docs/swagger-config");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("/v3/api-docs");
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
