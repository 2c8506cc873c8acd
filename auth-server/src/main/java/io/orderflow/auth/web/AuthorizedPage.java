package io.orderflow.auth.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The redirect URI of the command-line client: after the login in a browser, the page
 * shows the authorization code for the user to paste into the tool, which exchanges it
 * with its code verifier (the code alone is useless). Plain text, open without login.
 */
@RestController
class AuthorizedPage {

	@GetMapping(path = "/authorized", produces = MediaType.TEXT_PLAIN_VALUE)
	String authorized(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String error,
			@RequestParam(name = "error_description", required = false) @Nullable String errorDescription) {
		if (code != null && !code.isBlank()) {
			return "Authorization code (paste it into the tool that asked for it):\n\n" + code + "\n";
		}
		if (error != null) {
			return "The authorization server refused: " + error
					+ ((errorDescription != null) ? " (" + errorDescription + ")" : "") + "\n";
		}
		return "No authorization code: open this page through the tool's login link.\n";
	}

}
