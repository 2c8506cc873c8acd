package io.orderflow.tools.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.orderflow.tools.CommandLine;

/**
 * Command-line options of {@link Chaos}.
 *
 * @param faults the faults, by name, in the order they run (see {@link Faults})
 * @param shortRun the shortened suite (CI): fewer faults, shorter outages
 * @param rate orders per second offered for the whole run
 * @param quiet pause after each fault is healed, before the next one
 * @param settle longest wait, after the last fault, for every accepted order to end
 * @param state {@code ./orderflow}'s state directory (pid files)
 * @param orderflow the {@code orderflow} script, which restarts what a fault stopped
 * @param bootstrapServers the brokers
 * @param databasePrefix the service databases' prefix ({@code <prefix>_order}, ...)
 * @param url order-service
 * @param inventoryUrl inventory-service (setup)
 * @param paymentUrl payment-service (setup)
 * @param out the file the table is written to
 */
record ChaosOptions(List<String> faults, boolean shortRun, double rate, Duration quiet, Duration settle, Path state,
		Path orderflow, String bootstrapServers, String databasePrefix, String url, String inventoryUrl,
		String paymentUrl, Path out) {

	static final String USAGE = "options: --short --faults a,b --rate R --quiet-seconds S --settle-seconds S "
			+ "--state DIR --orderflow SCRIPT --bootstrap-servers B --database-prefix P --url U --inventory-url U "
			+ "--payment-url U --out FILE";

	static ChaosOptions parse(String[] args) {
		CommandLine line = CommandLine.parse(args, USAGE,
				List.of("--faults", "--rate", "--quiet-seconds", "--settle-seconds", "--state", "--orderflow",
						"--bootstrap-servers", "--database-prefix", "--url", "--inventory-url", "--payment-url",
						"--out"),
				List.of("--short"));
		boolean shortRun = line.has("--short");
		List<String> faults = line.value("--faults", (names) -> Arrays.stream(names.split(",")).toList(),
				shortRun ? Faults.SHORT : Faults.FULL);
		faults.stream().filter((name) -> !Faults.known(name)).findFirst().ifPresent((name) -> {
			throw new IllegalArgumentException("unknown fault " + name + "; the faults are " + Faults.FULL);
		});
		double rate = line.value("--rate", Double::parseDouble, shortRun ? 5.0 : 10.0);
		if (rate <= 0) {
			throw new IllegalArgumentException("--rate must be positive");
		}
		return new ChaosOptions(faults, shortRun, rate,
				line.value("--quiet-seconds", ChaosOptions::seconds, Duration.ofSeconds(shortRun ? 10 : 30)),
				line.value("--settle-seconds", ChaosOptions::seconds, Duration.ofSeconds(90)),
				line.value("--state", Path::of, Path.of(".orderflow")),
				line.value("--orderflow", Path::of, Path.of("orderflow")),
				line.value("--bootstrap-servers", String::valueOf, "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096"),
				line.value("--database-prefix", String::valueOf, "orderflow"),
				line.url("--url", "http://127.0.0.1:8080"), line.url("--inventory-url", "http://127.0.0.1:8081"),
				line.url("--payment-url", "http://127.0.0.1:8082"), line.value("--out", Path::of, Path.of("chaos.md")));
	}

	private static Duration seconds(String seconds) {
		return Duration.ofSeconds(Long.parseLong(seconds));
	}

}
