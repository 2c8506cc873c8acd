package io.orderflow.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProcessCpuTest {

	@TempDir
	Path proc;

	@TempDir
	Path pids;

	// pids above the kernel's pid_max, never this JVM's own
	@Test
	void readsUserPlusSystemTimeOfEachPidFileAndOfPostgresqlAsAWhole() throws IOException {
		process(5000101, "java", 1, 250, 50, 7, 7);
		Files.writeString(this.pids.resolve("order.pid"), "5000101\n");
		// a pid file whose process has ended, and one that holds no pid
		Files.writeString(this.pids.resolve("relay.pid"), "5000999");
		Files.writeString(this.pids.resolve("broken.pid"), "not a pid");
		// the postmaster (its parent is not postgres) counts its exited children
		process(5000200, "postgres", 1, 10, 5, 1000, 500);
		process(5000201, "postgres", 5000200, 30, 20, 99, 99);
		process(5000202, "postgres", 5000200, 3, 2, 99, 99);
		process(5000300, "other", 1, 5000, 5000, 0, 0);

		Map<String, Double> sample = new ProcessCpu(this.proc, this.pids, 100).sample();

		assertThat(sample).containsExactly(entry("order", 3000.0), entry("postgresql", 15700.0));
	}

	@Test
	void readsHowLongEachProcessOfAPidFileHasRun() throws IOException {
		Files.writeString(this.proc.resolve("uptime"), "1000.50 1900.00\n");
		started(5000500, "java", 40_050);
		started(5000501, "java", 99_000);
		Files.writeString(this.pids.resolve("order.pid"), "5000500\n");
		Files.writeString(this.pids.resolve("kafka.pid"), "5000501\n");
		Files.writeString(this.pids.resolve("relay.pid"), "5000999");

		Map<String, Duration> ages = new ProcessCpu(this.proc, this.pids, 100).ages();

		assertThat(ages).containsExactly(entry("kafka", Duration.ofMillis(10_500)),
				entry("order", Duration.ofMinutes(10)));
		assertThat(ProcessCpu.describeAges(ages))
			.isEqualTo("process ages at the first step: kafka 0m10s, order 10m00s");
	}

	@Test
	void theDifferenceKeepsProcessesSeenInBothSamples() {
		Map<String, Double> spent = ProcessCpu.difference(Map.of("order", 100.0, "relay", 10.0),
				Map.of("order", 350.0, "kafka", 40.0));

		assertThat(spent).containsExactly(entry("order", 250.0));
	}

	@Test
	void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() throws IOException {
		Path dir = Files.createDirectories(this.proc.resolve("5000400"));
		Files.writeString(dir.resolve("comm"), "we ird)\n");
		Files.writeString(dir.resolve("stat"), "5000400 (we ird) x) S 1 " + "0 ".repeat(9) + "40 60 0 0 20 0 1\n");
		Files.writeString(this.pids.resolve("registry.pid"), "5000400");

		assertThat(new ProcessCpu(this.proc, this.pids, 100).sample()).containsEntry("registry", 1000.0);
	}

	/** A process that started {@code startTicks} clock ticks after boot (field 22). */
	private void started(long pid, String comm, long startTicks) throws IOException {
		Path dir = Files.createDirectories(this.proc.resolve(Long.toString(pid)));
		Files.writeString(dir.resolve("comm"), comm + "\n");
		Files.writeString(dir.resolve("stat"),
				pid + " (" + comm + ") S 1 0 0 0 0 0 0 0 0 0 10 10 0 0 20 0 1 0 " + startTicks + " 0 0\n");
	}

	private void process(long pid, String comm, long parent, long utime, long stime, long cutime, long cstime)
			throws IOException {
		Path dir = Files.createDirectories(this.proc.resolve(Long.toString(pid)));
		Files.writeString(dir.resolve("comm"), comm + "\n");
		// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
		// cmajflt
		// utime stime cutime cstime ...
		Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + parent + " 0 0 0 0 0 0 0 0 0 " + utime + " "
				+ stime + " " + cutime + " " + cstime + " 20 0 1 0\n");
	}

}
