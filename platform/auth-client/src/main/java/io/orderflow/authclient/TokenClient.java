package io.orderflow.authclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the suite's authorization server without a browser. Each call
 * fetches a new token; {@link Tokens} caches them. Thread-safe: calls may run
 * concurrently, each user login in its own session.
 *
 * <pre>{@code
 * TokenClient client = new TokenClient("http://127.0.0.1:8084");
 * String ops = client.clientCredentials("orderflow-ops", secret, "orders:admin");
 * String alice = client.userToken("orderflow-cli", "http://127.0.0.1:8084/authorized", "alice", password, "orders");
 * }</pre>
 */
public final class TokenClient {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String issuer;

	private final HttpClient http;

	private final Clock clock;

	/**
	 * @param issuer the base URL of the authorization server, under which its endpoints
	 * ({@code /oauth2/token}, {@code /oauth2/authorize}, {@code /login}) are, e.g.
	 * {@code http://127.0.0.1:8084}; a trailing {@code /} is ignored
	 */
	public TokenClient(String issuer) {
		this(issuer, Clock.systemUTC());
	}

	TokenClient(String issuer, Clock clock) {
		this.issuer = issuer.replaceAll("/+$", "");
		// redirects are the flow's steps: each is looked at, and the last one (to the
		// client's redirect URI) must not be followed
		this.http = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.clock = clock;
	}

	/**
	 * @return the base URL given to the constructor, without a trailing {@code /}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * Gets a token for a confidential client itself (grant {@code client_credentials},
	 * the client authenticated with {@code client_secret_basic}).
	 * @param clientId the client
	 * @param secret its secret
	 * @param scopes the scopes to ask for (with none, the token has no scope)
	 * @return the access token
	 * @throws TokenException when the server refuses the client (status 401) or the
	 * request (e.g. status 400 {@code invalid_scope}), or cannot be reached
	 */
	public String clientCredentials(String clientId, String secret, String... scopes) {
		return fetchClientCredentials(clientId, secret, scopes).value();
	}

	/**
	 * Gets a token for a user through a public client the way a browser would: the
	 * authorization-code flow with PKCE ({@code S256}) through the server's login form.
	 * The client must not require consent.
	 * @param clientId the public client
	 * @param redirectUri one of the client's registered redirect URIs; never requested,
	 * the code is read from the redirect to it
	 * @param username the user
	 * @param password the user's password, sent only in the login form
	 * @param scopes the scopes to ask for, at least one
	 * @return the access token
	 * @throws TokenException when the login is refused (a message saying so), or any step
	 * answers unexpectedly (a message with the step's URL and status)
	 */
	public String userToken(String clientId, String redirectUri, String username, String password, String... scopes) {
		return fetchUserToken(clientId, redirectUri, username, password, scopes).value();
	}

	AccessToken fetchClientCredentials(String clientId, String secret, String... scopes) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (scopes.length > 0) {
			form.put("scope", String.join(" ", scopes));
		}
		// RFC 6749 2.3.1: id and secret are form-encoded before they are joined
		String credentials = Form.encode(clientId) + ":" + Form.encode(secret);
		HttpRequest request = tokenRequest(form)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
		return tokenResponse(request, "client credentials of " + clientId);
	}

	AccessToken fetchUserToken(String clientId, String redirectUri, String username, String password,
			String... scopes) {
		return new AuthorizationCodeLogin(this).run(clientId, redirectUri, username, password, scopes);
	}

	HttpRequest.Builder tokenRequest(Map<String, String> form) {
		return HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Form.encode(form)));
	}

	AccessToken tokenResponse(HttpRequest request, String what) {
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new TokenException(what + " refused: POST " + request.uri() + " answered " + response.statusCode()
					+ oauthError(response.body()), response.statusCode());
		}
		try {
			JsonNode token = JsonMapper.shared().readTree(response.body());
			String value = token.path("access_token").asString("");
			long expiresIn = token.path("expires_in").asLong(0);
			if (value.isEmpty() || expiresIn <= 0) {
				throw new TokenException("POST " + request.uri() + " answered no access_token with expires_in", 200);
			}
			return new AccessToken(value, this.clock.instant().plusSeconds(expiresIn));
		}
		catch (JacksonException ex) {
			throw new TokenException("POST " + request.uri() + " answered 200 without JSON", 200);
		}
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new TokenException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TokenException("interrupted: " + request.method() + " " + request.uri(), ex);
		}
	}

	/**
	 * @return {@code " (error: description)"} from an OAuth2 error body, or empty
	 */
	static String oauthError(String body) {
		try {
			JsonNode error = JsonMapper.shared().readTree(body);
			String code = error.path("error").asString("");
			String description = error.path("error_description").asString("");
			if (code.isEmpty()) {
				return "";
			}
			return " (" + code + (description.isEmpty() ? "" : ": " + description) + ")";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

}
