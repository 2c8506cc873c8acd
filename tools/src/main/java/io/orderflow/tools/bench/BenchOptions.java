package io.orderflow.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.orderflow.tools.CommandLine;

/**
 * Command-line options of {@link Bench}.
 *
 * @param steps offered rates, orders per second, in the order they run
 * @param stepDuration how long each step offers its rate
 * @param warmup how long the warm-up (ramped to the first step's rate, not reported)
 * lasts
 * @param drain how long a step waits for its outstanding orders after its last POST
 * @param stopWhenSaturated whether to skip the higher steps once a step achieved less
 * than 80% of its offered rate
 * @param ceilings whether to measure the PostgreSQL and producer ceilings too
 * @param label what this run is (e.g. {@code agent off}), written above its table
 * @param out the file the table is appended to
 * @param pids the directory of {@code ./orderflow up}'s pid files
 * @param url order-service
 * @param inventoryUrl inventory-service (setup)
 * @param paymentUrl payment-service (setup)
 * @param relayUrl outbox-relay's management port (the consumer groups' lag it exports)
 * @param bootstrapServers the broker (producer ceiling)
 * @param orderDatabase order-service's database (PostgreSQL ceiling)
 * @param serviceDatabases the services' databases, analyzed after the warm-up on a server
 * without autovacuum
 */
record BenchOptions(List<Double> steps, Duration stepDuration, Duration warmup, Duration drain,
		boolean stopWhenSaturated, boolean ceilings, String label, Path out, Path pids, String url, String inventoryUrl,
		String paymentUrl, String relayUrl, String bootstrapServers, String orderDatabase,
		List<String> serviceDatabases) {

	static final String USAGE = "options: --steps 25,50,100 --step-seconds 60 --warmup-seconds 60 --drain-seconds 30 "
			+ "--all-steps --no-ceilings --label L --out FILE --pids DIR --url U --inventory-url U --payment-url U "
			+ "--relay-url U --bootstrap-servers B --order-database D --service-databases D1,D2,D3";

	static BenchOptions parse(String[] args) {
		CommandLine line = CommandLine.parse(args, USAGE,
				List.of("--steps", "--step-seconds", "--warmup-seconds", "--drain-seconds", "--label", "--out",
						"--pids", "--url", "--inventory-url", "--payment-url", "--relay-url", "--bootstrap-servers",
						"--order-database", "--service-databases"),
				List.of("--all-steps", "--no-ceilings"));
		List<Double> steps = line.value("--steps",
				(rates) -> Arrays.stream(rates.split(",")).map(Double::parseDouble).toList(),
				List.of(25.0, 50.0, 100.0, 150.0, 200.0, 300.0));
		Duration step = line.value("--step-seconds", BenchOptions::seconds, Duration.ofSeconds(60));
		if (steps.isEmpty() || steps.stream().anyMatch((rate) -> rate <= 0) || step.isZero() || step.isNegative()) {
			throw new IllegalArgumentException("--steps must be positive rates and --step-seconds positive");
		}
		return new BenchOptions(steps, step,
				line.value("--warmup-seconds", BenchOptions::seconds, Duration.ofSeconds(60)),
				line.value("--drain-seconds", BenchOptions::seconds, Duration.ofSeconds(30)), !line.has("--all-steps"),
				!line.has("--no-ceilings"), line.value("--label", String::valueOf, "bench"),
				line.value("--out", Path::of, Path.of("bench.md")),
				line.value("--pids", Path::of, Path.of(".orderflow/pids")), line.url("--url", "http://127.0.0.1:8080"),
				line.url("--inventory-url", "http://127.0.0.1:8081"),
				line.url("--payment-url", "http://127.0.0.1:8082"), line.url("--relay-url", "http://127.0.0.1:8183"),
				line.value("--bootstrap-servers", String::valueOf, "127.0.0.1:9092"),
				line.value("--order-database", String::valueOf, "orderflow_order"),
				line.value("--service-databases", (names) -> List.of(names.split(",")),
						List.of("orderflow_order", "orderflow_inventory", "orderflow_payment")));
	}

	private static Duration seconds(String seconds) {
		return Duration.ofSeconds(Long.parseLong(seconds));
	}

	/**
	 * @param rate a step's offered rate
	 * @return how many orders the step places
	 */
	int ordersAt(double rate) {
		return (int) Math.max(1, Math.round(rate * this.stepDuration.toMillis() / 1000.0));
	}

}
