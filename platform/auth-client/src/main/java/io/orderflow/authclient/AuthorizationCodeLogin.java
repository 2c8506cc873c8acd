package io.orderflow.authclient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's browserless login: the authorization-code flow with PKCE, through the login
 * form, in a session (cookies) of its own. Used once.
 *
 * <ol>
 * <li>{@code GET /oauth2/authorize?...} redirects to the login page;</li>
 * <li>{@code GET /login} has the form's CSRF token;</li>
 * <li>{@code POST /login} redirects back to the authorization request (or to
 * {@code /login?error});</li>
 * <li>{@code GET /oauth2/authorize?...} again redirects to the redirect URI with
 * {@code code} and {@code state}, which is not requested;</li>
 * <li>{@code POST /oauth2/token} exchanges the code and the code verifier.</li>
 * </ol>
 */
final class AuthorizationCodeLogin {

	private final TokenClient client;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	AuthorizationCodeLogin(TokenClient client) {
		this.client = client;
	}

	AccessToken run(String clientId, String redirectUri, String username, String password, String... scopes) {
		String verifier = Pkce.newVerifier();
		String state = Pkce.randomToken();
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("response_type", "code");
		authorization.put("client_id", clientId);
		authorization.put("redirect_uri", redirectUri);
		authorization.put("scope", String.join(" ", scopes));
		authorization.put("state", state);
		authorization.put("code_challenge", Pkce.challenge(verifier));
		authorization.put("code_challenge_method", "S256");
		URI authorize = URI.create(this.client.issuer() + "/oauth2/authorize?" + Form.encode(authorization));

		URI loginPage = redirect(get(authorize), authorize, redirectUri);
		HttpResponse<String> page = get(loginPage);
		expect(page, 200);
		String csrf = LoginPage.csrfToken(page.body())
			.orElseThrow(() -> new TokenException("GET " + page.uri() + " has no _csrf input", page.statusCode()));

		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("username", username);
		credentials.put("password", password);
		credentials.put("_csrf", csrf);
		URI login = loginPage.resolve(loginPage.getRawPath());
		HttpResponse<String> loggedIn = post(login, credentials);
		URI back = redirect(loggedIn, login, redirectUri);
		if (back.getRawPath().equals(login.getRawPath())) {
			throw new TokenException("user name or password refused for user '" + username + "'",
					loggedIn.statusCode());
		}

		URI callback = redirect(get(back), back, redirectUri);
		if (!callback.toString().startsWith(redirectUri)) {
			throw new TokenException("GET " + back + " redirected to " + callback + ", not to " + redirectUri
					+ " (does the client require consent?)", 302);
		}
		Map<String, String> result = Form.decode((callback.getRawQuery() != null) ? callback.getRawQuery() : "");
		if (!state.equals(result.get("state"))) {
			throw new TokenException("the redirect to " + redirectUri + " carries another state", 302);
		}
		String code = result.get("code");
		if (code == null || code.isEmpty()) {
			throw new TokenException("the redirect to " + redirectUri + " carries no code", 302);
		}

		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("code", code);
		exchange.put("redirect_uri", redirectUri);
		exchange.put("client_id", clientId);
		exchange.put("code_verifier", verifier);
		return this.client.tokenResponse(this.client.tokenRequest(exchange).build(),
				"authorization code of " + clientId + " for user '" + username + "'");
	}

	/**
	 * @return the {@code Location} of a redirect, resolved against the request
	 * @throws TokenException when the response is no redirect, or an error redirect to
	 * the client (e.g. {@code invalid_scope})
	 */
	private static URI redirect(HttpResponse<String> response, URI request, String redirectUri) {
		expect(response, 302);
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new TokenException(
					response.request().method() + " " + request + " redirected without a Location", 302));
		URI target = request.resolve(location);
		if (target.toString().startsWith(redirectUri)) {
			Map<String, String> result = Form.decode((target.getRawQuery() != null) ? target.getRawQuery() : "");
			if (result.containsKey("error")) {
				throw new TokenException(response.request().method() + " " + request + " refused: "
						+ result.get("error") + " " + result.getOrDefault("error_description", ""), 302);
			}
		}
		return target;
	}

	private static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new TokenException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + ", expected " + status + TokenClient.oauthError(response.body()),
					response.statusCode());
		}
	}

	private HttpResponse<String> get(URI uri) {
		// text/html: the server sends a browser, not an API client, to its login page
		return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> post(URI uri, Map<String, String> form) {
		return send(HttpRequest.newBuilder(uri)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Form.encode(form))));
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		HttpRequest unsent = builder.timeout(TokenClient.TIMEOUT).build();
		URI uri = unsent.uri();
		try {
			// one Cookie header with all the session's cookies, as a browser sends them
			List<String> session = this.cookies.get(uri, Map.of()).getOrDefault("Cookie", List.of());
			if (!session.isEmpty()) {
				builder.header("Cookie", String.join("; ", session));
			}
			HttpResponse<String> response = this.client.send(builder.build());
			this.cookies.put(uri, response.headers().map());
			return response;
		}
		catch (IOException ex) {
			throw new TokenException("cookies of " + uri + ": " + ex, ex);
		}
	}

}
