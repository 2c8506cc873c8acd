package io.orderflow.order.web;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.order.OrderView;
import org.jspecify.annotations.Nullable;

/**
 * An order's entity tag is its version, quoted: {@code "3"}. Clients send it back in
 * {@code If-None-Match} to learn whether, or wait until, the order moved on.
 */
final class OrderTags {

	private static final java.util.regex.Pattern TAG = java.util.regex.Pattern
		.compile("\\s*(?:W/)?\"([0-9]{1,18})\"\\s*");

	private OrderTags() {
	}

	static String tag(OrderView order) {
		return "\"" + order.version() + "\"";
	}

	/**
	 * @param ifNoneMatch the {@code If-None-Match} header
	 * @return the version it names, when it names exactly one of ours (weak or strong);
	 * empty for none, {@code *}, a list or a tag that is not ours
	 */
	static OptionalLong version(@Nullable String ifNoneMatch) {
		if (ifNoneMatch == null) {
			return OptionalLong.empty();
		}
		Matcher tag = TAG.matcher(ifNoneMatch);
		return tag.matches() ? OptionalLong.of(Long.parseLong(tag.group(1))) : OptionalLong.empty();
	}

}
