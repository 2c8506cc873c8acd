package io.orderflow.tools;

import java.io.IOException;
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
 * stock. Through the services' own APIs it (re)sets the account of customer {@code load}
 * to 10,000,000 EUR (more for long runs: 5 EUR an order) and products {@code LOAD-1..3}
 * to 1 EUR with stock for every order (an order has at most two lines of at most two
 * units). Orders of the load then name that customer and those SKUs.
 */
public final class LoadSetup {

	public static final String CUSTOMER = "load";

	public static final List<String> SKUS = List.of("LOAD-1", "LOAD-2", "LOAD-3");

	private final HttpClient http;

	private final String inventoryUrl;

	private final String paymentUrl;

	public LoadSetup(HttpClient http, String inventoryUrl, String paymentUrl) {
		this.http = http;
		this.inventoryUrl = inventoryUrl;
		this.paymentUrl = paymentUrl;
	}

	/**
	 * @param orders how many orders the money and the stock must suffice for
	 */
	public void apply(long orders) throws IOException, InterruptedException {
		put(this.paymentUrl + "/accounts/" + CUSTOMER,
				"{\"balanceMinor\":" + Math.max(1_000_000_000L, 500L * orders) + ",\"currency\":\"EUR\"}");
		long stock = 2L * orders;
		for (String sku : SKUS) {
			put(this.inventoryUrl + "/products/" + sku,
					String.format(Locale.ROOT,
							"{\"name\":\"load test %s\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":%d}",
							sku, stock));
		}
		System.out.printf("set up customer %s and products %s (%d units each)%n", CUSTOMER, String.join(",", SKUS),
				stock);
	}

	private void put(String url, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
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
