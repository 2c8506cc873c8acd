package io.orderflow.web;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What {@link SafeText} accepts: text of a bounded length, counted in code points,
 * without control, format (bidi, zero-width), separator characters, unpaired surrogates
 * or noncharacters.
 */
class SafeTextTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	static Stream<Arguments> unsafeCharacters() {
		return Stream.of(arguments("NUL", 0x0000), arguments("SOH", 0x0001), arguments("BEL", 0x0007),
				arguments("tab", 0x0009), arguments("line feed", 0x000A), arguments("carriage return", 0x000D),
				arguments("escape", 0x001B), arguments("unit separator", 0x001F), arguments("DEL", 0x007F),
				arguments("first C1 control", 0x0080), arguments("next line (NEL)", 0x0085),
				arguments("last C1 control", 0x009F), arguments("soft hyphen", 0x00AD),
				arguments("Arabic letter mark", 0x061C), arguments("Mongolian vowel separator", 0x180E),
				arguments("zero-width space", 0x200B), arguments("zero-width non-joiner", 0x200C),
				arguments("zero-width joiner", 0x200D), arguments("left-to-right mark", 0x200E),
				arguments("right-to-left mark", 0x200F), arguments("line separator", 0x2028),
				arguments("paragraph separator", 0x2029), arguments("left-to-right embedding", 0x202A),
				arguments("right-to-left embedding", 0x202B), arguments("pop directional formatting", 0x202C),
				arguments("left-to-right override", 0x202D), arguments("right-to-left override", 0x202E),
				arguments("word joiner", 0x2060), arguments("invisible times", 0x2062),
				arguments("left-to-right isolate", 0x2066), arguments("right-to-left isolate", 0x2067),
				arguments("first strong isolate", 0x2068), arguments("pop directional isolate", 0x2069),
				arguments("inhibit symmetric swapping", 0x206A), arguments("byte order mark", 0xFEFF),
				arguments("interlinear annotation anchor", 0xFFF9), arguments("first noncharacter", 0xFDD0),
				arguments("last of the noncharacter block", 0xFDEF), arguments("U+FFFE", 0xFFFE),
				arguments("U+FFFF", 0xFFFF), arguments("U+1FFFE", 0x1FFFE), arguments("U+10FFFF", 0x10FFFF),
				arguments("Kaithi number sign", 0x110BD), arguments("musical symbol begin beam", 0x1D173),
				arguments("language tag", 0xE0001), arguments("tag latin capital letter A", 0xE0041));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeCharacters")
	void refusesTheCharacterAnywhereInTheText(String name, int codePoint) {
		String character = Character.toString(codePoint);

		assertThat(SafeText.Validator.isSafe(codePoint)).isFalse();
		for (String text : List.of(character, "al" + character + "ice", character + "alice", "alice" + character)) {
			assertThat(SafeText.Validator.isSafe(text, 0, 100)).as("%s in %s", name, text.codePoints().toArray())
				.isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "alice", "Zoë Ångström", "東京", "Ελληνικά", "עברית", "العربية", "a b", "ideographic\u3000space",
					"no-break\u00A0space", "e\u0301 combined", "emoji \uD83D\uDE00", "variation selector \u2764\uFE0F",
					"private use \uE000", "<script>alert(1)</script>", "'; DROP TABLE x;--", "" })
	void acceptsPrintableTextOfAnyScript(String text) {
		assertThat(SafeText.Validator.isSafe(text, 0, 100)).isTrue();
	}

	@Test
	void acceptsEveryPrintableAsciiAndLatin1CharacterButTheSoftHyphen() {
		IntStream.rangeClosed(0x20, 0x7E)
			.forEach((codePoint) -> assertThat(SafeText.Validator.isSafe(codePoint)).as("U+%04X", codePoint).isTrue());
		IntStream.rangeClosed(0xA0, 0xFF)
			.filter((codePoint) -> codePoint != 0xAD)
			.forEach((codePoint) -> assertThat(SafeText.Validator.isSafe(codePoint)).as("U+%04X", codePoint).isTrue());
	}

	@Test
	void refusesEveryControlBidiAndIgnorableCodePoint() {
		Set<Byte> bidiControls = Set.of(Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
				Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
				Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
				Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
				Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE);
		IntStream.rangeClosed(Character.MIN_CODE_POINT, Character.MAX_CODE_POINT)
			.filter((codePoint) -> Character.isISOControl(codePoint) || Character.isIdentifierIgnorable(codePoint)
					|| bidiControls.contains(Character.getDirectionality(codePoint))
					|| (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE))
			.forEach((codePoint) -> assertThat(SafeText.Validator.isSafe(codePoint)).as("U+%04X", codePoint).isFalse());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenSurrogates")
	void refusesUnpairedSurrogates(String description, String text) {
		assertThat(SafeText.Validator.isSafe(text, 0, 100)).isFalse();
	}

	static Stream<Arguments> brokenSurrogates() {
		return Stream.of(arguments("lone high surrogate", "a\uD83Db"), arguments("lone low surrogate", "a\uDE00b"),
				arguments("high surrogate at the end", "ab\uD83D"), arguments("low surrogate first", "\uDE00ab"),
				arguments("pair reversed", "a\uDE00\uD83Db"), arguments("two high surrogates", "\uD83D\uD83D"));
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		String grinning = "\uD83D\uDE00";

		assertThat(SafeText.Validator.isSafe(grinning.repeat(64), 0, 64)).isTrue();
		assertThat(SafeText.Validator.isSafe(grinning.repeat(65), 0, 64)).isFalse();
		assertThat(SafeText.Validator.isSafe(grinning, 1, 1)).isTrue();
		assertThat(SafeText.Validator.isSafe(grinning.repeat(2), 2, 2)).isTrue();
	}

	@Test
	void boundsTheLengthAtBothEnds() {
		assertThat(SafeText.Validator.isSafe("c".repeat(64), 0, 64)).isTrue();
		assertThat(SafeText.Validator.isSafe("c".repeat(65), 0, 64)).isFalse();
		assertThat(SafeText.Validator.isSafe("", 0, 64)).isTrue();
		assertThat(SafeText.Validator.isSafe("", 1, 64)).isFalse();
		assertThat(SafeText.Validator.isSafe("ab", 3, 64)).isFalse();
		assertThat(SafeText.Validator.isSafe("abc", 3, 64)).isTrue();
	}

	@Test
	void nullIsValid() {
		assertThat(VALIDATOR.validate(new Named(null, null))).isEmpty();
	}

	@Test
	void messageSaysWhatIsAllowedWithoutQuotingTheValue() {
		String bad = "evil\u202Eeman";

		assertThat(messages(new Named(bad, null)))
			.containsExactly("must be at most 10 characters without control, format or bidi characters");
		assertThat(messages(new Named(null, "x\u0000")))
			.containsExactly("must be 3 to 10 characters without control, format or bidi characters");
		assertThat(messages(new Named(null, "ab")))
			.containsExactly("must be 3 to 10 characters without control, format or bidi characters");
		assertThat(messages(new Custom("\u0007"))).containsExactly("must be a plain name");
	}

	@Test
	void validatesTheElementsOfACollection() {
		Set<ConstraintViolation<Tags>> violations = VALIDATOR.validate(new Tags(List.of("ok", "b\u200Bad", "fine")));

		assertThat(violations).singleElement()
			.satisfies((violation) -> assertThat(violation.getPropertyPath().toString())
				.isEqualTo("tags[1].<list element>"));
	}

	@Test
	void refusesAnImpossibleRange() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> VALIDATOR.validate(new Impossible("a")));
	}

	private static List<String> messages(Object bean) {
		return VALIDATOR.validate(bean).stream().map(ConstraintViolation::getMessage).toList();
	}

	record Named(@SafeText(max = 10) @Nullable String name, @SafeText(min = 3, max = 10) @Nullable String code) {

	}

	record Custom(@SafeText(max = 10, message = "must be a plain name") String name) {

	}

	record Tags(List<@SafeText(max = 10) String> tags) {

	}

	record Impossible(@SafeText(min = 5, max = 4) String name) {

	}

}
