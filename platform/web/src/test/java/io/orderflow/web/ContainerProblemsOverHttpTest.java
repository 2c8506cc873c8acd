package io.orderflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses itself, before any filter or controller (and before security):
 * answered with a problem, not Tomcat's HTML page, and without quoting the request.
 */
@SpringBootTest(classes = RequestBodyLimitOverHttpTest.Server.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/unused",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unused/jwks" })
class ContainerProblemsOverHttpTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/things/%00", "/things/a%2fb", "/things/%2e%2e%2f%2e%2e%2fetc" })
	void aPathTomcatCannotReadIsABadRequestProblem(String path) throws IOException {
		String response = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
		assertThat(problem.get("type").asString()).isEqualTo("https://orderflow.io/problems/bad-request");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo("Bad request");
		assertThat(response).doesNotContain("things", "<html");
	}

	@Test
	void anotherStatusTomcatAnswersGetsItsOwnTitle() {
		assertThat(JsonMapper.shared().readTree(ContainerProblems.body(505)).get("title").asString())
			.isEqualTo("HTTP Version not supported");
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
