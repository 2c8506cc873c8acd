package io.orderflow.authclient;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Spring Security's login page the way a browser would submit it.
 */
final class LoginPage {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern CSRF_NAME = Pattern.compile("\\bname\\s*=\\s*[\"']_csrf[\"']",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
			Pattern.CASE_INSENSITIVE);

	private LoginPage() {
	}

	/**
	 * @param html the login page
	 * @return the value of its {@code <input name="_csrf">} (attributes in any order,
	 * HTML entities decoded), or empty when the page has none
	 */
	static Optional<String> csrfToken(String html) {
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String tag = input.group();
			if (CSRF_NAME.matcher(tag).find()) {
				Matcher value = VALUE.matcher(tag);
				if (value.find()) {
					String raw = (value.group(1) != null) ? value.group(1) : value.group(2);
					return Optional.of(unescape(raw));
				}
			}
		}
		return Optional.empty();
	}

	// a token is base64url or UUID text; decode what an HTML writer might still escape
	private static String unescape(String value) {
		return value.replace("&#45;", "-")
			.replace("&#x2d;", "-")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
