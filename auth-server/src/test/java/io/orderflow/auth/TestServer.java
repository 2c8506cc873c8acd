package io.orderflow.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.orderflow.authclient.TokenClient;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The server under test, as its callers see it: tokens through the suite's
 * {@link TokenClient}, verified with the published JWK set, and plain requests.
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:40123}
 */
public record TestServer(String baseUrl) {

	/** The demo users' password in the tests. */
	public static final String DEMO_PASSWORD = "test-demo-password";

	/** The secret of {@code orderflow-ops} in the tests. */
	public static final String OPS_SECRET = "test-ops-secret";

	/** The issuer every token names: the default of {@code application.yml}. */
	public static final String ISSUER = "http://127.0.0.1:8084";

	/** The command-line client. */
	public static final String CLI = "orderflow-cli";

	/** Its redirect URI: the default of {@code application.yml}, never requested. */
	public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8084/authorized";

	/** The operations client. */
	public static final String OPS = "orderflow-ops";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * @param port the local server port
	 * @return the server on that port
	 */
	public static TestServer onPort(int port) {
		return new TestServer("http://127.0.0.1:" + port);
	}

	/**
	 * @return a client of this server
	 */
	public TokenClient tokenClient() {
		return new TokenClient(this.baseUrl);
	}

	/**
	 * @param user a demo or load user
	 * @return the user's token for the command-line client with scope {@code orders}
	 */
	public String userToken(String user) {
		return tokenClient().userToken(CLI, CLI_REDIRECT_URI, user, DEMO_PASSWORD, "orders");
	}

	/**
	 * @param token an access token
	 * @return its claims, after its signature verified against this server's JWK set
	 */
	public Jwt verify(String token) {
		return NimbusJwtDecoder.withJwkSetUri(this.baseUrl + "/oauth2/jwks").build().decode(token);
	}

	/**
	 * @param path below the base URL
	 * @return the answer (redirects not followed)
	 */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build());
	}

	/**
	 * @param request any request
	 * @return the answer (redirects not followed)
	 */
	public static HttpResponse<String> send(HttpRequest request) {
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

}
