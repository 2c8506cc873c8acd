package io.orderflow.order.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running service's HTTP port.
 */
final class OrderApi {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final String baseUrl;

	OrderApi(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	Response post(Object body) {
		return post(body, null);
	}

	Response post(Object body, @Nullable String idempotencyKey) {
		return postAsync(body, idempotencyKey).join();
	}

	CompletableFuture<Response> postAsync(Object body, @Nullable String idempotencyKey) {
		HttpRequest.Builder request = request("/orders").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body.toString()));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return sendAsync(request);
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	/**
	 * @param path the path and query
	 * @param headers names and values, alternating
	 */
	CompletableFuture<Response> getAsync(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return sendAsync(request);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT);
	}

	private Response send(HttpRequest.Builder request) {
		return sendAsync(request).join();
	}

	private CompletableFuture<Response> sendAsync(HttpRequest.Builder request) {
		return this.http.sendAsync(request.build(), BodyHandlers.ofString()).thenApply(Response::new);
	}

	/** A response, its body readable as JSON. */
	static final class Response {

		private final HttpResponse<String> response;

		Response(HttpResponse<String> response) {
			this.response = response;
		}

		int status() {
			return this.response.statusCode();
		}

		@Nullable String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String body() {
			return this.response.body();
		}

		JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		@Override
		public String toString() {
			return status() + " " + this.response.headers().map() + " " + body();
		}

	}

}
