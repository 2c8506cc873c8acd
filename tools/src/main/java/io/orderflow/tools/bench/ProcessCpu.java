package io.orderflow.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * CPU time of the stack's processes, read from {@code /proc} (Linux): user + system time
 * of each process named by a pid file of {@code ./orderflow up}
 * ({@code $ORDERFLOW_HOME/pids/<name>.pid}), of this process ({@code bench}, the load
 * generator) and of PostgreSQL as a whole: every live {@code postgres} process plus what
 * the postmaster collected from its children that have exited (a backend that ends
 * between two samples is counted once, whole). The difference of two samples is the CPU
 * the step cost, per process.
 *
 * @param proc {@code /proc}
 * @param pids the pid files' directory
 * @param ticksPerSecond {@code getconf CLK_TCK} (100 on Linux)
 */
record ProcessCpu(Path proc, Path pids, long ticksPerSecond) {

	static final String POSTGRESQL = "postgresql";

	static final String GENERATOR = "bench";

	/**
	 * @return CPU milliseconds so far per process name, in a stable order: the pid files'
	 * names (sorted), then {@code postgresql} and {@code bench}
	 */
	Map<String, Double> sample() {
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (Path file : pidFiles()) {
			String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
			readPid(file).ifPresent((pid) -> ticks(pid, false).ifPresent((t) -> cpu.put(name, t * millisPerTick())));
		}
		cpu.put(POSTGRESQL, postgresTicks() * millisPerTick());
		ticks(ProcessHandle.current().pid(), false).ifPresent((t) -> cpu.put(GENERATOR, t * millisPerTick()));
		return cpu;
	}

	/**
	 * How long each process of a pid file has been running: a JVM's first minutes under
	 * load cost more CPU per order than later ones (its JIT compilers are busy), so rows
	 * are comparable only between JVMs of about the same age.
	 * @return time since start per process name, in the pid files' order
	 */
	Map<String, Duration> ages() {
		double uptime;
		try {
			uptime = Double.parseDouble(Files.readString(this.proc.resolve("uptime")).trim().split(" ")[0]);
		}
		catch (IOException | NumberFormatException ex) {
			return Map.of();
		}
		Map<String, Duration> ages = new LinkedHashMap<>();
		for (Path file : pidFiles()) {
			String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
			readPid(file).ifPresent((pid) -> {
				String[] fields = statFields(pid);
				// field 22, starttime: clock ticks after boot
				if (fields != null && fields.length > 19) {
					double started = Long.parseLong(fields[19]) / (double) this.ticksPerSecond;
					ages.put(name, Duration.ofMillis(Math.round((uptime - started) * 1000)));
				}
			});
		}
		return ages;
	}

	/**
	 * @param ages as {@link #ages()} reads them
	 * @return e.g. {@code "process ages at the first step: kafka 12m05s, order 9m40s"}
	 */
	static String describeAges(Map<String, Duration> ages) {
		StringJoiner line = new StringJoiner(", ", "process ages at the first step: ", "");
		ages.forEach((name, age) -> line
			.add(String.format(Locale.ROOT, "%s %dm%02ds", name, age.toMinutes(), age.toSecondsPart())));
		return line.toString();
	}

	private double millisPerTick() {
		return 1000.0 / this.ticksPerSecond;
	}

	/**
	 * @return per process, {@code after - before} (processes in both samples)
	 */
	static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
		Map<String, Double> spent = new LinkedHashMap<>();
		after.forEach((name, millis) -> {
			Double earlier = before.get(name);
			if (earlier != null) {
				spent.put(name, millis - earlier);
			}
		});
		return spent;
	}

	private List<Path> pidFiles() {
		if (!Files.isDirectory(this.pids)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.pids)) {
			return files.filter((f) -> f.toString().endsWith(".pid")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static OptionalLong readPid(Path file) {
		try {
			return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private long postgresTicks() {
		long total = 0;
		try (Stream<Path> entries = Files.list(this.proc)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit) || !"postgres".equals(comm(entry))) {
					continue;
				}
				long pid = Long.parseLong(name);
				boolean postmaster = !"postgres".equals(comm(this.proc.resolve(Long.toString(parent(pid)))));
				total += ticks(pid, postmaster).orElse(0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total;
	}

	private static String comm(Path processDir) {
		try {
			return Files.readString(processDir.resolve("comm")).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private long parent(long pid) {
		String[] fields = statFields(pid);
		return (fields == null) ? 0 : Long.parseLong(fields[1]);
	}

	/**
	 * @param withChildren add the CPU of waited-for children that have exited
	 * ({@code cutime + cstime})
	 */
	private OptionalLong ticks(long pid, boolean withChildren) {
		String[] fields = statFields(pid);
		if (fields == null) {
			return OptionalLong.empty();
		}
		// fields after the command: index 0 is field 3 (state); utime 14, stime 15,
		// cutime 16, cstime 17
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		if (withChildren) {
			ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		return OptionalLong.of(ticks);
	}

	private String @Nullable [] statFields(long pid) {
		try {
			String stat = Files.readString(this.proc.resolve(pid + "/stat"));
			// the command may hold spaces and parentheses: the fields start after the
			// last ')'
			return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		}
		catch (IOException ex) {
			// the process ended
			return null;
		}
	}

}
