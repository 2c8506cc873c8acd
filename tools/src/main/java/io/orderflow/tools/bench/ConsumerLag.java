package io.orderflow.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records the services' consumer groups have still to process, as operators see it:
 * the sum of {@code kafka_consumergroup_lag} over the groups of order, inventory and
 * payment, which outbox-relay measures with the admin client and exports (refreshed every
 * {@code orderflow.relay.lag-interval}, 10 s by default). The bench starts a step only
 * once the stack has caught up with what came before, not only once no order is pending
 * (the stock sold after each confirmation, for one, is not on an order's path but
 * competes with the next step's orders).
 */
final class ConsumerLag {

	/** The services' consumer groups (each service's group id is its name). */
	static final List<String> GROUPS = List.of("order-service", "inventory-service", "payment-service");

	private static final Pattern LAG = Pattern
		.compile("^kafka_consumergroup_lag\\{[^}]*consumergroup=\"([^\"]+)\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

	private final HttpClient http;

	private final URI metrics;

	ConsumerLag(HttpClient http, String relayUrl) {
		this.http = http;
		this.metrics = URI.create(relayUrl + "/actuator/prometheus");
	}

	/**
	 * @return the records not yet consumed, summed over the services' groups
	 */
	long total() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(this.metrics).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(this.metrics + " answered " + response.statusCode());
		}
		return total(response.body());
	}

	/**
	 * @param prometheus the relay's metrics in the Prometheus text format
	 * @return the sum of {@code kafka_consumergroup_lag} over {@link #GROUPS}
	 */
	static long total(String prometheus) {
		long lag = 0;
		Matcher row = LAG.matcher(prometheus);
		while (row.find()) {
			if (GROUPS.contains(row.group(1))) {
				lag += (long) Double.parseDouble(row.group(2));
			}
		}
		return lag;
	}

}
