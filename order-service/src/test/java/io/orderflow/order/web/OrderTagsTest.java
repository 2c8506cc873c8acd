package io.orderflow.order.web;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTagsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"0\"|0", "\"42\"|42", "W/\"7\"|7", " \"3\" |3" })
	void readsTheVersionOfOneOfOurTags(String header, long version) {
		assertThat(OrderTags.version(header)).hasValue(version);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "\"1\", \"2\"", "\"abc\"", "3", "\"-1\"", "\"1234567890123456789\"", "" })
	void anythingElseNamesNoVersion(String header) {
		assertThat(OrderTags.version(header)).isEmpty();
	}

	@Test
	void noHeaderNamesNoVersion() {
		assertThat(OrderTags.version(null)).isEqualTo(OptionalLong.empty());
	}

}
