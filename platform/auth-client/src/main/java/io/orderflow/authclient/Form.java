package io.orderflow.authclient;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded}: request bodies, query strings and the
 * parameters of a redirect.
 */
final class Form {

	private Form() {
	}

	/**
	 * @param parameters names and values, in the order to send them
	 * @return {@code name=value&...}, each part UTF-8 percent-encoded (a space as
	 * {@code +})
	 */
	static String encode(Map<String, String> parameters) {
		StringJoiner form = new StringJoiner("&");
		parameters.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
		return form.toString();
	}

	/**
	 * @param query a raw (still encoded) query string, may be empty
	 * @return its parameters, decoded, in order; of a repeated name the first value; a
	 * name without {@code =} maps to the empty string
	 */
	static Map<String, String> decode(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
