package io.orderflow.web.security;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallPredicatesTest {

	private static final Predicate<String> SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*")
		.asMatchPredicate();

	private static final Predicate<String> SPRING_HEADER_VALUE = Pattern
		.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*")
		.asMatchPredicate();

	private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln",
			"application/json", "x", "tab\there", "bell\u0007", "del\u007F", "c1\u0085", "nul\u0000", "newline\n",
			"caf\u00e9", "\u65e5\u672c", "rtl\u202Eoverride", "unassigned\u0378", "nonchar\uFFFF", "emoji\uD83D\uDE00",
			"~!@#$%^&*()_+`-={}|[]\\:\";'<>?,./ ");

	@Test
	void everySampleIsJudgedAsSpringSecuritysFirewallJudgesIt() {
		for (String sample : SAMPLES) {
			assertThat(FirewallPredicates.ASSIGNED_AND_NOT_CONTROL.test(sample)).as("name/parameter %s", sample)
				.isEqualTo(SPRING_DEFAULT.test(sample));
			assertThat(FirewallPredicates.HEADER_VALUE.test(sample)).as("header value %s", sample)
				.isEqualTo(SPRING_HEADER_VALUE.test(sample));
		}
	}

	@Test
	void everyCharOfTheFirstPlaneIsJudgedAsSpringSecuritysFirewallJudgesIt() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			if (Character.isSurrogate(c)) {
				continue;
			}
			String sample = "a" + c + "b";
			assertThat(FirewallPredicates.ASSIGNED_AND_NOT_CONTROL.test(sample)).as("U+%04X", (int) c)
				.isEqualTo(SPRING_DEFAULT.test(sample));
			assertThat(FirewallPredicates.HEADER_VALUE.test(sample)).as("U+%04X in a header value", (int) c)
				.isEqualTo(SPRING_HEADER_VALUE.test(sample));
		}
	}

	@Test
	void controlCharactersAreStillRefusedAndATabOnlyInAHeaderValue() {
		assertThat(FirewallPredicates.HEADER_VALUE.test("a\tb")).isTrue();
		assertThat(FirewallPredicates.ASSIGNED_AND_NOT_CONTROL.test("a\tb")).isFalse();
		assertThat(FirewallPredicates.HEADER_VALUE.test("a\u0000b")).isFalse();
		assertThat(FirewallPredicates.HEADER_VALUE.test("a\u0085b")).isFalse();
	}

}
