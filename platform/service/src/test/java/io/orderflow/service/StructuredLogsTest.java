package io.orderflow.service;

import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One setting, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, turns a service's console
 * into one JSON object per line in the Elastic Common Schema, with the service's name and
 * the trace and span ids that the OpenTelemetry agent puts into the MDC as
 * {@code trace.id} and {@code span.id}. (The services have no logback configuration of
 * their own, so Spring Boot's default one applies; this module's tests have one, so the
 * test names Boot's structured console configuration, the XML equivalent of its default.)
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

	private static final Logger logger = LoggerFactory.getLogger(StructuredLogsTest.class);

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	@Test
	void ecsLinesNameTheServiceAndTheTrace(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"))) {
			MDC.put("trace_id", TRACE);
			MDC.put("span_id", SPAN);
			MDC.put("trace_flags", "01");
			try {
				logger.warn("order {} not found", "o-1");
			}
			finally {
				MDC.clear();
			}
		}
		String line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.contains("order o-1 not found"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line of the test in: " + output.getOut()));
		assertThat(line).startsWith("{").endsWith("}");
		DocumentContext json = JsonPath.parse(line);
		assertThat(json.read("$.message", String.class)).isEqualTo("order o-1 not found");
		assertThat(json.read("$.log.level", String.class)).isEqualTo("WARN");
		assertThat(json.read("$.service.name", String.class)).isEqualTo("test-service");
		assertThat(json.read("$.ecs.version", String.class)).isNotBlank();
		assertThat(field(json, "trace", "id")).isEqualTo(TRACE);
		assertThat(field(json, "span", "id")).isEqualTo(SPAN);
		assertThat(field(json, "trace", "flags")).isEqualTo("01");
		assertThat(line).doesNotContain("trace_id", "span_id");
	}

	/**
	 * ECS nests dotted names ({@code "trace": {"id": ...}}); a flat {@code "trace.id"} is
	 * ECS too.
	 */
	private static String field(DocumentContext json, String object, String field) {
		Map<String, Object> root = json.read("$");
		if (root.containsKey(object + "." + field)) {
			return String.valueOf(root.get(object + "." + field));
		}
		assertThat(root.get(object)).as("%s in %s", object, root).isInstanceOf(Map.class);
		return String.valueOf(((Map<?, ?>) root.get(object)).get(field));
	}

	private static ConfigurableApplicationContext run(Map<String, Object> variables) {
		return DefaultsApplication.run(variables, "--spring.main.log-startup-info=false",
				"--logging.config=classpath:structured-logs-test.xml");
	}

}
