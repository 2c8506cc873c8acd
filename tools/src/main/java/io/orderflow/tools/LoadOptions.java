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
 */
record LoadOptions(int orders, double rate, String url, List<String> customers, List<String> skus, Duration timeout,
		boolean setup, String inventoryUrl, String paymentUrl) {

	private static final String USAGE = "options: --orders N --rate R --url U --customers a,b --skus s1,s2 "
			+ "--timeout S --setup --inventory-url U --payment-url U";

	static LoadOptions parse(String[] args) {
		int orders = 100;
		double rate = 10;
		String url = "http://127.0.0.1:8080";
		List<String> customers = List.of("alice");
		List<String> skus = List.of("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
		Duration timeout = Duration.ofSeconds(120);
		boolean setup = false;
		String inventoryUrl = "http://127.0.0.1:8081";
		String paymentUrl = "http://127.0.0.1:8082";
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--setup")) {
				setup = true;
				continue;
			}
			String value = (i + 1 < args.length) ? args[i + 1] : null;
			if (value == null) {
				throw new IllegalArgumentException("missing value for " + args[i] + " (" + USAGE + ")");
			}
			switch (args[i]) {
				case "--orders" -> orders = Integer.parseInt(value);
				case "--rate" -> rate = Double.parseDouble(value);
				case "--url" -> url = trimSlashes(value);
				case "--customers" -> customers = Arrays.asList(value.split(","));
				case "--skus" -> skus = Arrays.asList(value.split(","));
				case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
				case "--inventory-url" -> inventoryUrl = trimSlashes(value);
				case "--payment-url" -> paymentUrl = trimSlashes(value);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + " (" + USAGE + ")");
			}
			i++;
		}
		if (orders <= 0 || rate <= 0) {
			throw new IllegalArgumentException("--orders and --rate must be positive");
		}
		return new LoadOptions(orders, rate, url, customers, skus, timeout, setup, inventoryUrl, paymentUrl);
	}

	LoadOptions withCatalogue(List<String> customers, List<String> skus) {
		return new LoadOptions(this.orders, this.rate, this.url, customers, skus, this.timeout, false,
				this.inventoryUrl, this.paymentUrl);
	}

	private static String trimSlashes(String url) {
		return url.replaceAll("/+$", "");
	}

}
