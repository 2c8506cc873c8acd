package io.orderflow.tools.chaos;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosReportTest {

	private static final ChaosReport.Row CLEAN = new ChaosReport.Row("relay-kill", "SIGKILL of relay", 120,
			Map.of("HTTP 503", 3), 0, 0, 0, 0, 4.25, null);

	@Test
	void aRunPassesOnlyWhenNothingIsLostDuplicatedInconsistentOrStuckAndTheChecksHold() {
		assertThat(new ChaosReport(List.of(CLEAN), Map.of(), Map.of(), List.of(), 0).passed()).isTrue();
		assertThat(report(new ChaosReport.Row("x", "x", 1, Map.of(), 1, 0, 0, 0, 1.0, null)).passed()).isFalse();
		assertThat(report(new ChaosReport.Row("x", "x", 1, Map.of(), 0, 1, 0, 0, 1.0, null)).passed()).isFalse();
		assertThat(report(new ChaosReport.Row("x", "x", 1, Map.of(), 0, 0, 1, 0, 1.0, null)).passed()).isFalse();
		assertThat(report(new ChaosReport.Row("x", "x", 1, Map.of(), 0, 0, 0, 1, null, null)).passed()).isFalse();
		assertThat(report(new ChaosReport.Row("x", "x", 1, Map.of(), 0, 0, 0, 0, 1.0, "could not restart")).passed())
			.isFalse();
		assertThat(new ChaosReport(List.of(CLEAN), Map.of("orders.order-placed.v1.dlt", 1), Map.of(), List.of(), 0)
			.passed()).isFalse();
		assertThat(new ChaosReport(List.of(CLEAN), Map.of(), Map.of(), List.of("balance"), 0).passed()).isFalse();
		assertThat(new ChaosReport(List.of(CLEAN), Map.of(), Map.of(), List.of(), 2).passed()).isFalse();
	}

	@Test
	void theTableHasARowPerFaultTotalsAndTheChecks() {
		ChaosReport report = new ChaosReport(
				List.of(CLEAN,
						new ChaosReport.Row("registry-down", "registry down", 80, Map.of(), 0, 0, 0, 2, null, null)),
				Map.of(), Map.of("orders.order-placed.v1", 4), List.of(), 0);
		assertThat(report.table()).contains(
				"| relay-kill | SIGKILL of relay | 120 | 3 HTTP 503 | 0 | 0 | 0 | 0 | 4.3 |",
				"| registry-down | registry down | 80 | 0 | 0 | 0 | 0 | 2 | never |",
				"| **all** | | 200 | 3 HTTP 503 | 0 | 0 | 0 | 2 | |", "dead letters written during the run: 0",
				"{orders.order-placed.v1=4}", "stock and money conserved: yes", "verdict: FAILED");
	}

	@Test
	void theTableSaysHowFarEachStuckOrderGot() {
		String trail = Checker.trail("order-1", "relay-kill", "RESERVED", null, Map.of());
		ChaosReport report = new ChaosReport(
				List.of(new ChaosReport.Row("relay-kill", "SIGKILL of relay", 10, Map.of(), 0, 0, 0, 1, null, null)),
				Map.of(), Map.of(), List.of(), 0, List.of(trail));

		assertThat(trail).isEqualTo("order-1 (relay-kill): reservation RESERVED, payment none; events: none");
		assertThat(report.table()).contains("- how far the stuck orders got:\n  - " + trail + "\n", "verdict: FAILED");
	}

	private static ChaosReport report(ChaosReport.Row row) {
		return new ChaosReport(List.of(row), Map.of(), Map.of(), List.of(), 0);
	}

}
