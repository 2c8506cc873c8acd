package io.orderflow.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of the machine (promtool, docker-compose, ./orderflow) to its end, its
 * output (stdout and stderr) collected through a file so that a chatty command never
 * blocks on a full pipe.
 */
final class Command {

	private Command() {
	}

	/**
	 * @param directory the working directory
	 * @param environment added to the test JVM's environment
	 * @param timeout how long it may run; it is killed then and reports exit code -1
	 * @param command the command and its arguments
	 * @return its exit code and output
	 */
	static Result run(Path directory, Map<String, String> environment, Duration timeout, String... command)
			throws Exception {
		Path output = Files.createTempFile("e2e-command", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
			if (!exited) {
				process.destroyForcibly().waitFor();
			}
			return new Result(exited ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.delete(output);
		}
	}

	/**
	 * @param exitCode the command's exit code, -1 when it was killed on timeout
	 * @param output what it printed
	 */
	record Result(int exitCode, String output) {
	}

}
