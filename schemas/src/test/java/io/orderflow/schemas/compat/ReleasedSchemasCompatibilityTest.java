package io.orderflow.schemas.compat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build gate: the schemas in {@code src/main/avro} must be BACKWARD compatible with
 * the newest release kept under {@code released/}. A failure here fails
 * {@code mvn verify}.
 */
class ReleasedSchemasCompatibilityTest {

	private static final Path CURRENT = Path.of(System.getProperty("orderflow.schemas.current", "src/main/avro"));

	private static final Path RELEASED = Path.of(System.getProperty("orderflow.schemas.released", "released"));

	@Test
	void currentSchemasAreBackwardCompatibleWithTheLatestRelease() {
		Map<String, Schema> released = BackwardCompatibility
			.parseDirectory(BackwardCompatibility.latestRelease(RELEASED));
		Map<String, Schema> current = BackwardCompatibility.parseDirectory(CURRENT);

		assertThat(released).as("released schemas").isNotEmpty();
		assertThat(BackwardCompatibility.violations(released, current)).isEmpty();
	}

	@Test
	void everySagaEventHasAReleasedSchema() {
		Map<String, Schema> released = BackwardCompatibility
			.parseDirectory(BackwardCompatibility.latestRelease(RELEASED));

		assertThat(released.keySet()).containsAll(SagaEvents.FULL_NAMES);
	}

}
