package io.orderflow.tools.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTableTest {

	@Test
	void rendersOneRowPerStepWithCpuPerOrderOfEveryProcessInAStableOrder() {
		BenchStep slow = step(50, 49.5, 120, 300, 900, 1000, 0,
				Map.of("postgresql", 1000.0, "order", 2000.0, "zeta", 100.0, "bench", 500.0));
		BenchStep fast = step(25, 25, 40, 60, 80, 1500, 0, Map.of("order", 750.0, "postgresql", 250.0));

		String table = new BenchTable("agent off", List.of(fast, slow), List.of("ceiling, x: 1 record/s")).render();

		assertThat(table).startsWith("### agent off\n\n")
			.contains("| offered/s | achieved/s | p50 ms | p95 ms | p99 ms | max ms | errors | CPU ms/order | order "
					+ "| postgresql | bench | zeta |\n")
			.contains("| 25.0 | 25.0 | 40 | 60 | 80 | 1500 | 0 | 1.0 | 0.8 | 0.3 | - | - |\n")
			.contains("| 50.0 | 49.5 | 120 | 300 | 900 | 1000 | 0 | 3.6 | 2.0 | 1.0 | 0.5 | 0.1 |\n")
			.contains("sustained: 50.0 orders/s (p99 900 ms, no errors)\n")
			.endsWith("ceiling, x: 1 record/s\n");
	}

	@Test
	void theSustainedRateIsTheHighestStepWithP99UnderOneSecondAndNoErrors() {
		BenchStep ok = step(50, 50, 10, 20, 999, 999, 0, Map.of());
		BenchStep slowTail = step(100, 99, 10, 20, 1000, 1200, 0, Map.of());
		BenchStep errors = step(150, 149, 10, 20, 30, 40, 1, Map.of());

		assertThat(new BenchTable("t", List.of(ok, slowTail, errors), List.of()).sustained()).contains(ok);
		assertThat(new BenchTable("t", List.of(slowTail, errors), List.of()).render())
			.contains("sustained: none of the steps");
		assertThat(slowTail.saturated()).isFalse();
		assertThat(step(100, 79.9, 1, 1, 1, 1, 0, Map.of()).saturated()).isTrue();
	}

	private static BenchStep step(double offered, double achieved, long p50, long p95, long p99, long max, int errors,
			Map<String, Double> cpu) {
		int terminal = 1000;
		return new BenchStep(offered, achieved, Duration.ofMillis(p50), Duration.ofMillis(p95), Duration.ofMillis(p99),
				Duration.ofMillis(max), terminal, errors, new LinkedHashMap<>(cpu));
	}

}
