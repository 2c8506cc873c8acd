package io.orderflow.tools;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a tool prints with {@code --json}: one JSON document on standard output, for
 * scripts ({@code jq}); progress and diagnostics go to standard error.
 */
final class JsonOutput {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonOutput() {
	}

	/**
	 * @param value a record (or a map, a list) of the tool's result
	 * @return it as indented JSON, nulls included
	 */
	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
