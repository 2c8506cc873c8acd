package io.orderflow.tools;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTest {

	private static final String USAGE = "options: --rate R --url U --setup";

	private static CommandLine parse(String... args) {
		return CommandLine.parse(args, USAGE, List.of("--rate", "--url"), List.of("--setup"));
	}

	@Test
	void readsValuesFlagsAndDefaults() {
		CommandLine line = parse("--setup", "--rate", "2.5", "--url", "http://host:1//");

		assertThat(line.has("--setup")).isTrue();
		assertThat(line.value("--rate", Double::parseDouble, 1.0)).isEqualTo(2.5);
		assertThat(line.url("--url", "http://other")).isEqualTo("http://host:1");
		assertThat(parse().has("--setup")).isFalse();
		assertThat(parse().value("--rate", Double::parseDouble, 1.0)).isEqualTo(1.0);
		assertThat(parse().url("--url", "http://other")).isEqualTo("http://other");
	}

	@Test
	void aValueThatLooksLikeAnOptionIsStillTheValue() {
		assertThat(parse("--url", "--setup").url("--url", "x")).isEqualTo("--setup");
		assertThat(parse("--url", "--setup").has("--setup")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			--speed 1     | unknown option --speed
			--rate        | missing value for --rate
			--setup --url | missing value for --url
			rate 1        | unknown option rate
			""")
	void refusesUnknownOptionsAndMissingValuesNamingTheUsage(String args, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse(args.split(" ")))
			.withMessageContaining(message)
			.withMessageContaining(USAGE);
	}

}
