package io.orderflow.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link Bench}.
 *
 * @param steps offered rates, orders per second, in the order they run
 * @param stepDuration how long each step offers its rate
 * @param warmup how long the warm-up (at the first step's rate, not reported) lasts
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
 * @param bootstrapServers the broker (producer ceiling)
 * @param orderDatabase order-service's database (PostgreSQL ceiling)
 */
record BenchOptions(List<Double> steps, Duration stepDuration, Duration warmup, Duration drain,
		boolean stopWhenSaturated, boolean ceilings, String label, Path out, Path pids, String url, String inventoryUrl,
		String paymentUrl, String bootstrapServers, String orderDatabase) {

	static final String USAGE = "options: --steps 25,50,100 --step-seconds 60 --warmup-seconds 60 --drain-seconds 30 "
			+ "--all-steps --no-ceilings --label L --out FILE --pids DIR --url U --inventory-url U --payment-url U "
			+ "--bootstrap-servers B --order-database D";

	static BenchOptions parse(String[] args) {
		List<Double> steps = List.of(25.0, 50.0, 100.0, 150.0, 200.0, 300.0);
		Duration step = Duration.ofSeconds(60);
		Duration warmup = Duration.ofSeconds(60);
		Duration drain = Duration.ofSeconds(30);
		boolean stopWhenSaturated = true;
		boolean ceilings = true;
		String label = "bench";
		Path out = Path.of("bench.md");
		Path pids = Path.of(".orderflow/pids");
		String url = "http://127.0.0.1:8080";
		String inventoryUrl = "http://127.0.0.1:8081";
		String paymentUrl = "http://127.0.0.1:8082";
		String bootstrap = "127.0.0.1:9092";
		String orderDatabase = "orderflow_order";
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--all-steps" -> {
					stopWhenSaturated = false;
					continue;
				}
				case "--no-ceilings" -> {
					ceilings = false;
					continue;
				}
				default -> {
				}
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + args[i] + " (" + USAGE + ")");
			}
			String value = args[++i];
			switch (args[i - 1]) {
				case "--steps" -> steps = Arrays.stream(value.split(",")).map(Double::parseDouble).toList();
				case "--step-seconds" -> step = Duration.ofSeconds(Long.parseLong(value));
				case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(value));
				case "--drain-seconds" -> drain = Duration.ofSeconds(Long.parseLong(value));
				case "--label" -> label = value;
				case "--out" -> out = Path.of(value);
				case "--pids" -> pids = Path.of(value);
				case "--url" -> url = value;
				case "--inventory-url" -> inventoryUrl = value;
				case "--payment-url" -> paymentUrl = value;
				case "--bootstrap-servers" -> bootstrap = value;
				case "--order-database" -> orderDatabase = value;
				default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + " (" + USAGE + ")");
			}
		}
		if (steps.isEmpty() || steps.stream().anyMatch((rate) -> rate <= 0) || step.isZero() || step.isNegative()) {
			throw new IllegalArgumentException("--steps must be positive rates and --step-seconds positive");
		}
		return new BenchOptions(steps, step, warmup, drain, stopWhenSaturated, ceilings, label, out, pids, url,
				inventoryUrl, paymentUrl, bootstrap, orderDatabase);
	}

	/**
	 * @param rate a step's offered rate
	 * @return how many orders the step places
	 */
	int ordersAt(double rate) {
		return (int) Math.max(1, Math.round(rate * this.stepDuration.toMillis() / 1000.0));
	}

}
