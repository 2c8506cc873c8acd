package io.orderflow.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Request bodies are contracts: no unknown properties (a client-sent {@code unitPrice} is
 * an error, not ignored), no silent truncation of {@code 2.5} to {@code 2}, no
 * {@code "2"} for {@code 2} (nor {@code "1250"} for a minor-units amount), no duplicate
 * keys, no trailing content.
 */
final class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

	/**
	 * After Spring Boot's own customizer (order 0), which applies
	 * {@code spring.jackson.*} and turns {@code FAIL_ON_UNKNOWN_PROPERTIES} off by
	 * default.
	 */
	static final int ORDER = 10;

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
