package io.orderflow.tools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a command of the machine ({@code psql}, {@code pgbench}, {@code getconf}) and
 * returns what it printed.
 */
final class Commands {

	private Commands() {
	}

	/**
	 * @param command the command and its arguments
	 * @return its output, standard error included
	 * @throws IllegalStateException when it exits with a status other than 0
	 */
	static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

}
