package io.orderflow.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit against a real server, where a chunked body really arrives in chunks.
 */
@SpringBootTest(classes = RequestBodyLimitOverHttpTest.Server.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyLimitOverHttpTest {

	private static final String LARGE = "{\"name\":\"" + "x".repeat(64 * 1024) + "\",\"quantity\":1}";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	int port;

	@Test
	void chunkedBodyOverTheLimitIsPayloadTooLarge() throws Exception {
		BodyPublisher chunked = BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(LARGE.getBytes(StandardCharsets.UTF_8)));

		assertPayloadTooLarge(post(chunked));
	}

	@Test
	void bodyOverTheLimitByContentLengthIsPayloadTooLarge() throws Exception {
		assertPayloadTooLarge(post(BodyPublishers.ofString(LARGE)));
	}

	private HttpResponse<String> post(BodyPublisher body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/things"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(body)
			.build(), BodyHandlers.ofString());
	}

	private static void assertPayloadTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://orderflow.io/problems/payload-too-large\"");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ContractController.class)
	static class Server {

	}

}
