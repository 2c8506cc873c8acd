package io.orderflow.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What some end-to-end tests need of the machine besides the JDK (a Prometheus binary,
 * docker-compose, Python with its Kafka client, free ports). In CI ({@code CI=true},
 * where {@code .ci/run} installs them) a missing one fails the test; elsewhere the test
 * is skipped, saying what is missing, so that a fresh checkout's {@code ./mvnw verify}
 * passes without them.
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

	/**
	 * A Python 3 interpreter that imports the given modules: {@code python3} on the
	 * {@code PATH}, else the system's {@code /usr/bin/python3}, where Debian's
	 * {@code python3-*} packages install them when the {@code PATH} leads to another one
	 * (pyenv's, a virtual environment's).
	 * @param modules the modules it must import
	 * @return the interpreter's command
	 */
	static String python(String... modules) throws Exception {
		String imports = "import " + String.join(", ", modules);
		String found = null;
		for (String candidate : List.of("python3", "/usr/bin/python3")) {
			boolean present = candidate.startsWith("/") ? Files.isExecutable(Path.of(candidate)) : onPath(candidate);
			if (found == null && present
					&& Command.run(Path.of("."), Map.of(), Duration.ofSeconds(30), candidate, "-c", imports)
						.exitCode() == 0) {
				found = candidate;
			}
		}
		requireThat(found != null, "no python3 that can " + imports
				+ " (apt-get install python3-confluent-kafka python3-avro, as .ci/run does)");
		return found;
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.map((dir) -> Path.of(dir, command))
			.anyMatch(Files::isExecutable);
	}

}
