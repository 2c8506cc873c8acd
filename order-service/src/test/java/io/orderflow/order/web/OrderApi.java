package io.orderflow.order.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.orderflow.testsupport.AuthorizationServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running service's HTTP port, with tokens of the real authorization
 * server ({@link AuthorizationServer}): an order is posted as the customer its body names
 * (the token's subject must be that customer), else as {@code alice}; reads go as the
 * operators' client ({@code orders:admin}, every order) unless a test asks for a
 * customer's view with {@link #as(String)}.
 */
final class OrderApi {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final String baseUrl;

	/** Who reads: null for the operators' client. */
	private final @Nullable String reader;

	OrderApi(int port) {
		this("http://127.0.0.1:" + port, null);
	}

	private OrderApi(String baseUrl, @Nullable String reader) {
		this.baseUrl = baseUrl;
		this.reader = reader;
	}

	/**
	 * @param customer a customer (a user of the authorization server)
	 * @return a client that reads as that customer
	 */
	OrderApi as(String customer) {
		return new OrderApi(this.baseUrl, customer);
	}

	Response post(Object body) {
		return post(body, null);
	}

	Response post(Object body, @Nullable String idempotencyKey) {
		return postAsync(body, idempotencyKey).join();
	}

	CompletableFuture<Response> postAsync(Object body, @Nullable String idempotencyKey) {
		String json = body.toString();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/orders"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + AuthorizationServer.userToken(poster(json)))
			.POST(BodyPublishers.ofString(json));
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

	/**
	 * @param path the path and query
	 * @param token the bearer token, or null for none
	 * @return the answer to a GET with that token
	 */
	Response getWithToken(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(TIMEOUT).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	/**
	 * @param body the order's JSON
	 * @param token the bearer token, or null for none
	 * @return the answer to a POST with that token
	 */
	Response postWithToken(String body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/orders"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private HttpRequest.Builder request(String path) {
		String token = (this.reader != null) ? AuthorizationServer.userToken(this.reader)
				: AuthorizationServer.opsToken();
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token);
	}

	/** The customer an order's body names, else {@code alice}. */
	private static String poster(String json) {
		try {
			JsonNode customer = JSON.readTree(json).get("customerId");
			return (customer != null && customer.isString()) ? customer.asString() : "alice";
		}
		catch (RuntimeException ex) {
			// not JSON (a test of malformed bodies): any caller will do
			return "alice";
		}
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
