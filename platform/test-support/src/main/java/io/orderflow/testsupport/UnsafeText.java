package io.orderflow.testsupport;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The characters no text field or parameter of the suite accepts
 * ({@code io.orderflow.web.SafeText}), one of each kind, to spoil an otherwise valid
 * value with, and the assertion that a response does not echo what was sent.
 */
public final class UnsafeText {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Sample> SAMPLES = List.of(new Sample("NUL", "\u0000"),
			new Sample("C0 control BEL", "\u0007"), new Sample("DEL", "\u007F"), new Sample("C1 control NEL", "\u0085"),
			new Sample("right-to-left override", "\u202E"), new Sample("zero-width space", "\u200B"),
			new Sample("byte order mark", "\uFEFF"), new Sample("line separator", "\u2028"));

	private UnsafeText() {
	}

	/**
	 * @return NUL, a C0 control, DEL, a C1 control, a bidi override, a zero-width space,
	 * the byte order mark and the line separator
	 */
	public static List<Sample> samples() {
		return SAMPLES;
	}

	/**
	 * Asserts that a response body contains none of the values, neither as sent nor
	 * escaped as JSON writes them.
	 * @param body the raw response body
	 * @param values what the request sent
	 */
	public static void assertNotEchoed(String body, String... values) {
		for (String value : values) {
			String escaped = JSON.writeValueAsString(value);
			assertThat(body).as("the response echoes what was sent").doesNotContain(value);
			assertThat(body).as("the response echoes what was sent")
				.doesNotContain(escaped.substring(1, escaped.length() - 1));
		}
	}

	/**
	 * One unsafe character.
	 *
	 * @param description what it is, e.g. {@code right-to-left override}
	 * @param character the character
	 */
	public record Sample(String description, String character) {

		/**
		 * @param text valid text of at least two characters
		 * @return the text with this character in its middle, where it spoils neither the
		 * first nor the last character
		 */
		public String within(String text) {
			int middle = text.length() / 2;
			return text.substring(0, middle) + this.character + text.substring(middle);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
