package io.orderflow.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code --setup} (and the bench): makes every order of a load complete the whole saga
 * (stock reserved, payment completed, order confirmed) instead of running out of the demo
 * stock. Through the services' own APIs, as the operators' client, it (re)sets the
 * accounts of the load customers {@code load-1..load-32} (demo users of the authorization
 * server) to 10,000,000 EUR each (more for long runs: 5 EUR an order) and products
 * {@code LOAD-1..3} to 1 EUR with stock for every order (an order has at most two lines
 * of at most two units). Orders of the load then come from those customers, spread over
 * them (no customer nears the per-customer rate limit of {@code POST /orders}), and name
 * those SKUs.
 */
public final class LoadSetup {

	/** The load customers, {@code load-1..load-32}. */
	public static final List<String> CUSTOMERS = java.util.stream.IntStream.rangeClosed(1, 32)
		.mapToObj((n) -> "load-" + n)
		.toList();

	public static final List<String> SKUS = List.of("LOAD-1", "LOAD-2", "LOAD-3");

	private final HttpClient http;

	private final String inventoryUrl;

	private final String paymentUrl;

	private final ApiAuth auth;

	public LoadSetup(HttpClient http, String inventoryUrl, String paymentUrl, ApiAuth auth) {
		this.http = http;
		this.auth = auth;
		this.inventoryUrl = inventoryUrl;
		this.paymentUrl = paymentUrl;
	}

	/**
	 * @param orders how many orders the money and the stock must suffice for
	 * @param log where to say what was set up
	 */
	public void apply(long orders, PrintStream log) throws IOException, InterruptedException {
		for (String customer : CUSTOMERS) {
			put(this.paymentUrl + "/accounts/" + customer,
					"{\"balanceMinor\":" + Math.max(1_000_000_000L, 500L * orders) + ",\"currency\":\"EUR\"}");
		}
		long stock = 2L * orders;
		for (String sku : SKUS) {
			put(this.inventoryUrl + "/products/" + sku,
					String.format(Locale.ROOT,
							"{\"name\":\"load test %s\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":%d}",
							sku, stock));
		}
		log.printf("set up customers %s..%s and products %s (%d units each)%n", CUSTOMERS.get(0),
				CUSTOMERS.get(CUSTOMERS.size() - 1), String.join(",", SKUS), stock);
	}

	private void put(String url, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(this.auth.asOperator(HttpRequest.newBuilder(URI.create(url)))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"PUT " + url + " answered " + response.statusCode() + ": " + response.body());
		}
	}

}
