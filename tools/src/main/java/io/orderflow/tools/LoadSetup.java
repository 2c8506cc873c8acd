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
 * {@code --setup}: makes every order of the run complete the whole saga (stock reserved,
 * payment completed, order confirmed) instead of running out of the demo stock. Through
 * the services' own APIs it (re)sets the account of customer {@code load} to 10,000,000
 * EUR and products {@code LOAD-1..3} to 1 EUR with stock for every order of the run (an
 * order has at most two lines of at most two units), and returns the options with that
 * customer and those SKUs.
 */
final class LoadSetup {

	static final String CUSTOMER = "load";

	static final List<String> SKUS = List.of("LOAD-1", "LOAD-2", "LOAD-3");

	private final HttpClient http;

	private final LoadOptions options;

	LoadSetup(HttpClient http, LoadOptions options) {
		this.http = http;
		this.options = options;
	}

	LoadOptions apply() throws IOException, InterruptedException {
		put(this.options.paymentUrl() + "/accounts/" + CUSTOMER, "{\"balanceMinor\":1000000000,\"currency\":\"EUR\"}");
		long stock = 2L * this.options.orders();
		for (String sku : SKUS) {
			put(this.options.inventoryUrl() + "/products/" + sku,
					String.format(Locale.ROOT,
							"{\"name\":\"load test %s\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":%d}",
							sku, stock));
		}
		System.out.printf("set up customer %s and products %s (%d units each)%n", CUSTOMER, String.join(",", SKUS),
				stock);
		return this.options.withCatalogue(List.of(CUSTOMER), SKUS);
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
