package io.orderflow.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.UnsafeText;
import org.jspecify.annotations.Nullable;
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
 * Unsafe characters as a real server receives them, in bytes no HTTP client library
 * sends: a C1 control in a header, which the container decodes from ISO-8859-1 and the
 * firewall refuses only when the handler reads the header, and percent-encoded controls
 * and bidi characters in the query. Each is a 400 that names what was wrong and echoes
 * none of it.
 */
@SpringBootTest(classes = UnsafeInputOverHttpTest.Server.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnsafeInputOverHttpTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", AuthorizationServer::trustedIssuer);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> AuthorizationServer.trustedIssuer() + "/oauth2/jwks");
	}

	@Test
	void c1ControlInAHeaderIsAnInvalidHeaderNotAnInternalError() throws Exception {
		byte[] tenant = { 'a', 'c', 'm', 'e', (byte) 0x85 };

		String response = get("/things?owner=a", tenant);

		assertThat(response).startsWith("HTTP/1.1 400 ")
			.contains("\"type\":\"https://orderflow.io/problems/invalid-request\"")
			.contains("{\"field\":\"Tenant\",\"message\":\"must not contain control characters\"}");
		UnsafeText.assertNotEchoed(response, "acme\u0085");
	}

	@Test
	void percentEncodedControlAndBidiCharactersInTheQueryAreInvalidParameters() throws Exception {
		for (String owner : new String[] { "ow%00ner", "ow%07ner", "ow%C2%85ner", "ow%E2%80%AEner", "ow%E2%80%8Bner",
				"ow%EF%BB%BFner", "ow%E2%80%A8ner" }) {
			String response = get("/things?owner=" + owner, null);

			assertThat(response).as(owner)
				.startsWith("HTTP/1.1 400 ")
				.contains("\"type\":\"https://orderflow.io/problems/invalid-request\"")
				.contains("{\"field\":\"owner\",\"message\":"
						+ "\"must be at most 50 characters without control, format or bidi characters\"}");
			UnsafeText.assertNotEchoed(response, owner, URLDecoder.decode(owner, StandardCharsets.UTF_8));
		}
	}

	/**
	 * @return the whole response: status line, headers, body
	 */
	private String get(String target, byte @Nullable [] tenant) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer "
					+ AuthorizationServer.userToken("alice") + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			if (tenant != null) {
				out.write("Tenant: ".getBytes(StandardCharsets.US_ASCII));
				out.write(tenant);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		in.transferTo(response);
		return response.toString(StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ContractController.class)
	static class Server {

	}

}
