package io.orderflow.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What some end-to-end tests need of the machine besides the JDK (a Prometheus binary,
 * docker-compose, free ports). In CI ({@code CI=true}, where {@code .ci/run} installs
 * them) a missing one fails the test; elsewhere the test is skipped, saying what is
 * missing, so that a fresh checkout's {@code ./mvnw verify} passes without them.
 */
final class MachineTools {

	private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

	private MachineTools() {
	}

	/**
	 * @param commands executables that must be on the {@code PATH}
	 */
	static void require(String... commands) {
		List<String> missing = Arrays.stream(commands).filter((command) -> !onPath(command)).toList();
		requireThat(missing.isEmpty(), "not on the PATH: " + missing);
	}

	/**
	 * @param condition what the test needs
	 * @param otherwise what is wrong when it does not hold
	 */
	static void requireThat(boolean condition, String otherwise) {
		if (CI) {
			assertThat(condition).as(otherwise).isTrue();
		}
		else {
			assumeThat(condition).as(otherwise + " (skipped outside CI)").isTrue();
		}
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.map((dir) -> Path.of(dir, command))
			.anyMatch(Files::isExecutable);
	}

}
