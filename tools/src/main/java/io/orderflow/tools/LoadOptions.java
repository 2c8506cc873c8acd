package io.orderflow.tools;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the {@link LoadGenerator}.
 *
 * @param orders how many orders to place
 * @param rate orders per second
 * @param url base URL of order-service
 * @param customers customer ids to pick from
 * @param skus SKUs to pick from
 * @param timeout how long to wait for outstanding orders after the last POST
 * @param setup whether to create a load customer and load products first
 * ({@link LoadSetup})
 * @param inventoryUrl base URL of inventory-service (for {@code --setup})
 * @param paymentUrl base URL of payment-service (for {@code --setup})
 * @param json whether to print the result as one JSON document (progress on standard
 * error)
 */
record LoadOptions(int orders, double rate, String url, List<String> customers, List<String> skus, Duration timeout,
		boolean setup, String inventoryUrl, String paymentUrl, boolean json) {

	private static final String USAGE = "options: --orders N --rate R --url U --customers a,b --skus s1,s2 "
			+ "--timeout S --setup --inventory-url U --payment-url U --json";

	static LoadOptions parse(String[] args) {
		CommandLine line = CommandLine.parse(args, USAGE, List.of("--orders", "--rate", "--url", "--customers",
				"--skus", "--timeout", "--inventory-url", "--payment-url"), List.of("--setup", "--json"));
		int orders = line.value("--orders", Integer::parseInt, 100);
		double rate = line.value("--rate", Double::parseDouble, 10.0);
		if (orders <= 0 || rate <= 0) {
			throw new IllegalArgumentException("--orders and --rate must be positive");
		}
		return new LoadOptions(orders, rate, line.url("--url", "http://127.0.0.1:8080"),
				line.value("--customers", LoadOptions::list, List.of("alice")),
				line.value("--skus", LoadOptions::list, List.of("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5")),
				line.value("--timeout", (seconds) -> Duration.ofSeconds(Long.parseLong(seconds)),
						Duration.ofSeconds(120)),
				line.has("--setup"), line.url("--inventory-url", "http://127.0.0.1:8081"),
				line.url("--payment-url", "http://127.0.0.1:8082"), line.has("--json"));
	}

	LoadOptions withCatalogue(List<String> customers, List<String> skus) {
		return new LoadOptions(this.orders, this.rate, this.url, customers, skus, this.timeout, false,
				this.inventoryUrl, this.paymentUrl, this.json);
	}

	private static List<String> list(String values) {
		return Arrays.asList(values.split(","));
	}

}
