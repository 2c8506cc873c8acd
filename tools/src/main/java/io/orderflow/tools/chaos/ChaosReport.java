package io.orderflow.tools.chaos;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The result of a run: a row per fault, and the checks over the whole run.
 *
 * @param rows one per phase (the baseline, then each fault)
 * @param deadLetters records written to dead-letter topics during the run, by topic
 * @param redelivered records that came again on a topic (same event id), by topic
 * @param conservation what does not add up in stock and money
 * @param serverErrors answers 5xx other than 503 that clients saw
 * @param stuckTrails for each stuck order (at most 20), how far its saga got: its row in
 * each database and its events on each saga topic, to tell where the chain broke
 */
record ChaosReport(List<Row> rows, Map<String, Integer> deadLetters, Map<String, Integer> redelivered,
		List<String> conservation, int serverErrors, List<String> stuckTrails) {

	ChaosReport(List<Row> rows, Map<String, Integer> deadLetters, Map<String, Integer> redelivered,
			List<String> conservation, int serverErrors) {
		this(rows, deadLetters, redelivered, conservation, serverErrors, List.of());
	}

	/**
	 * @return whether the run kept every guarantee
	 */
	boolean passed() {
		return this.rows.stream().allMatch(Row::passed) && this.deadLetters.isEmpty() && this.conservation.isEmpty()
				&& this.serverErrors == 0;
	}

	String table() {
		StringBuilder table = new StringBuilder();
		table.append("| fault | what | accepted | refused (what clients saw) | lost | duplicated | inconsistent | "
				+ "stuck | recovery s |\n");
		table.append("|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			table.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %d | %d | %s |%n", row.fault(),
					row.description() + ((row.failure() != null) ? " (FAILED: " + row.failure() + ")" : ""),
					row.accepted(), refused(row.refused()), row.lost(), row.duplicated(), row.inconsistent(),
					row.stuck(), (row.recoverySeconds() != null)
							? String.format(Locale.ROOT, "%.1f", row.recoverySeconds()) : "never"));
		}
		int accepted = this.rows.stream().mapToInt(Row::accepted).sum();
		table.append(String.format(Locale.ROOT, "| **all** | | %d | %s | %d | %d | %d | %d | |%n", accepted,
				refused(this.rows.stream()
					.flatMap((row) -> row.refused().entrySet().stream())
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum,
							java.util.TreeMap::new))),
				this.rows.stream().mapToInt(Row::lost).sum(), this.rows.stream().mapToInt(Row::duplicated).sum(),
				this.rows.stream().mapToInt(Row::inconsistent).sum(), this.rows.stream().mapToInt(Row::stuck).sum()));
		table.append('\n');
		table.append("- dead letters written during the run: ")
			.append(this.deadLetters.isEmpty() ? "0" : this.deadLetters)
			.append('\n');
		table.append("- records delivered again on a topic (at least once; consumers deduplicate them): ")
			.append(this.redelivered.isEmpty() ? "0" : this.redelivered)
			.append('\n');
		table.append("- stock and money conserved: ")
			.append(this.conservation.isEmpty() ? "yes" : "NO: " + String.join("; ", this.conservation))
			.append('\n');
		table.append("- answers 5xx other than 503: ").append(this.serverErrors).append('\n');
		if (!this.stuckTrails.isEmpty()) {
			table.append("- how far the stuck orders got:\n");
			this.stuckTrails.forEach((trail) -> table.append("  - ").append(trail).append('\n'));
		}
		table.append("- verdict: ").append(passed() ? "PASSED" : "FAILED").append('\n');
		return table.toString();
	}

	private static String refused(Map<String, Integer> refused) {
		return refused.isEmpty() ? "0"
				: refused.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + " " + entry.getKey())
					.collect(Collectors.joining(", "));
	}

	/**
	 * One phase of the run.
	 *
	 * @param fault the fault's name
	 * @param description what it did
	 * @param accepted orders answered 201 during the phase
	 * @param refused the other answers, by status or client error
	 * @param lost accepted, but not in order-service's database or not on the topic
	 * @param duplicated accepted, and a topic carries two different events of one kind
	 * for it
	 * @param inconsistent its status disagrees with its reservation or its payment
	 * @param stuck not terminal at the end
	 * @param recoverySeconds from the fault's healing until every order accepted during
	 * it was seen terminal; null when one never was
	 * @param failure why the fault could not run as planned, if it could not
	 */
	record Row(String fault, String description, int accepted, Map<String, Integer> refused, int lost, int duplicated,
			int inconsistent, int stuck, @Nullable Double recoverySeconds, @Nullable String failure) {

		boolean passed() {
			return this.lost == 0 && this.duplicated == 0 && this.inconsistent == 0 && this.stuck == 0
					&& this.failure == null;
		}

	}

}
