package io.orderflow.tools.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bench's result as a Markdown table: one row per step (offered and achieved rate,
 * POST -> terminal percentiles in milliseconds, errors, CPU ms per order in total and per
 * process), the sustained rate, and the ceilings.
 */
final class BenchTable {

	/** Columns first in this order; any other process after them. */
	private static final List<String> PROCESS_ORDER = List.of("order", "inventory", "payment", "relay", "kafka",
			"registry", ProcessCpu.POSTGRESQL, "prometheus", ProcessCpu.GENERATOR);

	private final String label;

	private final List<BenchStep> steps;

	private final List<String> notes;

	/**
	 * @param label the table's title
	 * @param steps the steps, in the order they ran
	 * @param notes lines printed under the table (the processes' ages, the ceilings)
	 */
	BenchTable(String label, List<BenchStep> steps, List<String> notes) {
		this.label = label;
		this.steps = steps;
		this.notes = notes;
	}

	/**
	 * @return the highest step's offered rate with p99 under 1 s and no errors
	 */
	Optional<BenchStep> sustained() {
		return this.steps.stream()
			.filter(BenchStep::sustained)
			.reduce((a, b) -> (b.offeredRate() > a.offeredRate()) ? b : a);
	}

	String render() {
		List<String> processes = processes();
		StringBuilder out = new StringBuilder("### ").append(this.label).append("\n\n");
		List<String> header = new ArrayList<>(
				List.of("offered/s", "achieved/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "CPU ms/order"));
		processes.forEach(header::add);
		row(out, header);
		row(out, header.stream().map((h) -> "---:").toList());
		for (BenchStep step : this.steps) {
			List<String> cells = new ArrayList<>(List.of(number(step.offeredRate()), number(step.achievedRate()),
					Long.toString(step.p50().toMillis()), Long.toString(step.p95().toMillis()),
					Long.toString(step.p99().toMillis()), Long.toString(step.max().toMillis()),
					Integer.toString(step.errors()), number(step.totalCpuPerOrder())));
			processes.forEach((p) -> cells.add(number(step.cpuPerOrder(p))));
			row(out, cells);
		}
		out.append('\n')
			.append(sustained()
				.map((s) -> "sustained: " + number(s.offeredRate()) + " orders/s (p99 " + s.p99().toMillis()
						+ " ms, no errors)")
				.orElse("sustained: none of the steps (p99 under 1 s with no errors)"))
			.append('\n');
		this.notes.forEach((note) -> out.append(note).append('\n'));
		return out.toString();
	}

	private List<String> processes() {
		Set<String> names = new LinkedHashSet<>();
		this.steps.forEach((s) -> names.addAll(s.cpuMillis().keySet()));
		List<String> ordered = new ArrayList<>(PROCESS_ORDER.stream().filter(names::contains).toList());
		names.stream().filter((n) -> !ordered.contains(n)).sorted().forEach(ordered::add);
		return ordered;
	}

	private static void row(StringBuilder out, List<String> cells) {
		out.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
