package io.orderflow.tools;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./orderflow load --orders N --rate R}: places N orders at R orders/s against
 * order-service, follows each to its terminal state ({@code CONFIRMED}, {@code REJECTED},
 * {@code CANCELLED}), prints a progress line every second and, at the end, throughput and
 * POST -> terminal latency percentiles ({@link SagaLoad}). Options: {@code --url}
 * (default {@code http://127.0.0.1:8080}), {@code --customers a,b},
 * {@code --skus SKU-1,SKU-2}, {@code --timeout} seconds to wait for the last order
 * (default 120), {@code --setup} to first create a customer and products with enough
 * money and stock that every order completes the whole saga ({@link LoadSetup}),
 * {@code --json} to print the result as one JSON document on standard output (the
 * progress then goes to standard error). Exits 1 when an order failed or did not finish.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		ApiAuth auth = ApiAuth.fromEnvironment();
		// with --json, standard output carries the result only
		PrintStream progress = options.json() ? System.err : System.out;
		if (options.setup()) {
			new LoadSetup(http, options.inventoryUrl(), options.paymentUrl(), auth).apply(options.orders(), progress);
			options = options.withCatalogue(LoadSetup.CUSTOMERS, LoadSetup.SKUS);
		}
		progress.printf("placing %d orders at %.1f/s against %s%n", options.orders(), options.rate(), options.url());
		LoadResult result = new SagaLoad(http, options.url(), options.customers(), options.skus(), auth)
			.run(options.orders(), options.rate(), options.timeout(), (step) -> printProgress(progress, step));
		progress.println();
		if (options.json()) {
			System.out.println(JsonOutput.write(json(result)));
		}
		else {
			report(result);
		}
		System.exit((result.errors() == 0) ? 0 : 1);
	}

	static void printProgress(PrintStream out, SagaLoad.Progress progress) {
		// on a terminal the line rewrites itself; in a log file, one line a second
		String format = (System.console() != null)
				? "\r%5.1fs  placed %d/%d  terminal %d  in flight %d  failed %d  %.1f orders/s   "
				: "%5.1fs  placed %d/%d  terminal %d  in flight %d  failed %d  %.1f orders/s%n";
		out.printf(Locale.ROOT, format, progress.seconds(), progress.placed(), progress.orders(), progress.terminal(),
				progress.inFlight(), progress.failed(), progress.placed() / Math.max(progress.seconds(), 0.001));
	}

	/**
	 * @param result a run's result
	 * @return what {@code --json} prints of it: the same figures as the text report
	 */
	static Map<String, Object> json(LoadResult result) {
		LatencyStats stats = result.latencies();
		Map<String, Object> latency = new LinkedHashMap<>();
		latency.put("p50", stats.percentile(50));
		latency.put("p95", stats.percentile(95));
		latency.put("p99", stats.percentile(99));
		latency.put("max", stats.max());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("orders", result.orders());
		json.put("offeredRate", result.offeredRate());
		json.put("placed", result.placed());
		json.put("failedPosts", result.failedPosts());
		json.put("terminal", stats.count());
		json.put("unfinished", result.unfinished());
		json.put("errors", result.errors());
		json.put("seconds", round(result.seconds()));
		json.put("placedRate", round(result.placed() / result.seconds()));
		json.put("terminalRate", round(result.terminalRate()));
		json.put("latencyMillis", latency);
		json.put("outcomes", new TreeMap<>(result.outcomes()));
		return json;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static void report(LoadResult result) {
		LatencyStats stats = result.latencies();
		System.out.printf(Locale.ROOT,
				"orders placed: %d of %d in %.1f s (%.1f orders/s); reached a terminal state: %d "
						+ "(%.1f/s); still pending: %d%n",
				result.placed(), result.orders(), result.seconds(), result.placed() / result.seconds(), stats.count(),
				stats.count() / result.seconds(), result.unfinished());
		System.out.printf(Locale.ROOT, "POST -> terminal latency ms: p50 %d  p95 %d  p99 %d  max %d%n",
				stats.percentile(50), stats.percentile(95), stats.percentile(99), stats.max());
		System.out.println("outcomes: " + result.outcomes());
	}

}
