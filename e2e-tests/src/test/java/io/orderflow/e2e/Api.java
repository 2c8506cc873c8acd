package io.orderflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.orderflow.testsupport.AuthorizationServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny JSON-over-HTTP client for the services' public APIs, with tokens of the tests'
 * authorization server: an order is posted as the customer its body names, everything
 * else goes as the operators' client (every admin scope).
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Api() {
	}

	record Response(int status, JsonNode body, HttpResponse<String> raw) {
	}

	static Response put(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + AuthorizationServer.opsToken())
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	static Response post(String url, String json, String idempotencyKey) {
		return post(url, json, idempotencyKey, null);
	}

	static Response post(String url, String json, String idempotencyKey, String traceparent) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Bearer " + AuthorizationServer.userToken(JSON.readTree(json).get("customerId").asString()))
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			builder.header("Idempotency-Key", idempotencyKey);
		}
		if (traceparent != null) {
			builder.header("traceparent", traceparent);
		}
		return send(builder);
	}

	static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + AuthorizationServer.opsToken())
			.GET());
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
			JsonNode body = (!json || response.body().isBlank()) ? JSON.getNodeFactory().textNode(response.body())
					: JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
