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

import io.orderflow.testsupport.AuthorizationServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limit against a real server, where a chunked body really arrives in chunks,
 * for a caller with a token of the real authorization server; a caller without one is
 * refused before the body is read.
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

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", AuthorizationServer::trustedIssuer);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> AuthorizationServer.trustedIssuer() + "/oauth2/jwks");
	}

	@Test
	void aBodyWithoutATokenIsRefusedUnread() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/things"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(LARGE))
				.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"type\":\"https://orderflow.io/problems/unauthorized\"");
	}

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
			.header("Authorization", "Bearer " + AuthorizationServer.userToken("alice"))
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
