package io.orderflow.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./orderflow load --orders N --rate R}: places N orders at R orders/s against
 * order-service, follows each to its terminal state ({@code CONFIRMED}, {@code REJECTED},
 * {@code CANCELLED}) by polling {@code GET /orders/{id}} (backing off with the order's
 * age), prints a progress line every second and, at the end, throughput and POST ->
 * terminal latency percentiles (as observed by the polls, see {@link OrderProgress}).
 * Options: {@code --url} (default {@code http://127.0.0.1:8080}),
 * {@code --customers a,b}, {@code --skus SKU-1,SKU-2}, {@code --timeout} seconds to wait
 * for the last order (default 120), {@code --setup} to first create a customer and
 * products with enough money and stock that every order completes the whole saga
 * ({@link LoadSetup}).
 */
public final class LoadGenerator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LoadOptions options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Followed> pending = new ConcurrentHashMap<>();

	private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	private final AtomicInteger placed = new AtomicInteger();

	private final AtomicInteger failedPosts = new AtomicInteger();

	private final Semaphore inFlightPolls = new Semaphore(8);

	private LoadGenerator(LoadOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		LoadOptions options = LoadOptions.parse(args);
		if (options.setup()) {
			options = new LoadSetup(HttpClient.newHttpClient(), options).apply();
		}
		System.exit(new LoadGenerator(options).run() ? 0 : 1);
	}

	private boolean run() throws InterruptedException {
		System.out.printf("placing %d orders at %.1f/s against %s%n", this.options.orders(), this.options.rate(),
				this.options.url());
		long start = System.nanoTime();
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
		long periodNanos = (long) (1_000_000_000L / this.options.rate());
		AtomicInteger issued = new AtomicInteger();
		scheduler.scheduleAtFixedRate(() -> {
			if (issued.getAndIncrement() < this.options.orders()) {
				place();
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		long deadline = Long.MAX_VALUE;
		long lastProgress = 0;
		while (true) {
			pollPending();
			long now = System.nanoTime();
			if (now - lastProgress >= 1_000_000_000L) {
				printProgress(start, now);
				lastProgress = now;
			}
			int finished = this.latencies.size() + this.failedPosts.get();
			if (issued.get() >= this.options.orders() && deadline == Long.MAX_VALUE) {
				deadline = now + this.options.timeout().toNanos();
			}
			if (finished >= this.options.orders() || now > deadline) {
				break;
			}
			TimeUnit.MILLISECONDS.sleep(5);
		}
		scheduler.shutdownNow();
		System.out.println();
		return report((System.nanoTime() - start) / 1e9);
	}

	private void place() {
		String body = orderJson();
		long postedAt = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.options.url() + "/orders"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
			if (error != null || response.statusCode() != 201) {
				this.failedPosts.incrementAndGet();
				this.outcomes
					.computeIfAbsent((error != null) ? "POST error" : "HTTP " + response.statusCode(),
							(k) -> new AtomicInteger())
					.incrementAndGet();
				return;
			}
			this.placed.incrementAndGet();
			this.pending.put(JSON.readTree(response.body()).get("id").asString(),
					new Followed(postedAt, System.nanoTime()));
		});
	}

	private void pollPending() {
		long now = System.nanoTime();
		for (Map.Entry<String, Followed> entry : this.pending.entrySet()) {
			Followed order = entry.getValue();
			if (order.nextPollAt > now || order.polling) {
				continue;
			}
			if (!this.inFlightPolls.tryAcquire()) {
				return;
			}
			order.polling = true;
			String id = entry.getKey();
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.options.url() + "/orders/" + id))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build();
			this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
				this.inFlightPolls.release();
				long answeredAt = System.nanoTime();
				order.nextPollAt = answeredAt
						+ OrderProgress.nextPoll(Duration.ofNanos(answeredAt - order.postedAt)).toNanos();
				order.polling = false;
				if (error != null || response.statusCode() != 200) {
					return;
				}
				JsonNode body = JSON.readTree(response.body());
				String status = OrderProgress.status(body);
				if (OrderProgress.TERMINAL.contains(status) && this.pending.remove(id) != null) {
					this.latencies.add((answeredAt - order.postedAt) / 1_000_000);
					this.outcomes.computeIfAbsent(status, (k) -> new AtomicInteger()).incrementAndGet();
				}
			});
		}
	}

	private String orderJson() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String customer = this.options.customers().get(random.nextInt(this.options.customers().size()));
		List<String> skus = new ArrayList<>(this.options.skus());
		Collections.shuffle(skus, random);
		int lines = 1 + random.nextInt(Math.min(2, skus.size()));
		StringBuilder json = new StringBuilder("{\"customerId\":\"").append(customer).append("\",\"lines\":[");
		for (int i = 0; i < lines; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"sku\":\"")
				.append(skus.get(i))
				.append("\",\"quantity\":")
				.append(1 + random.nextInt(2))
				.append('}');
		}
		return json.append("]}").toString();
	}

	private void printProgress(long start, long now) {
		double seconds = (now - start) / 1e9;
		// on a terminal the line rewrites itself; in a log file, one line a second
		String format = (System.console() != null)
				? "\r%5.1fs  placed %d/%d  terminal %d  in flight %d  failed %d  %.1f orders/s   "
				: "%5.1fs  placed %d/%d  terminal %d  in flight %d  failed %d  %.1f orders/s%n";
		System.out.printf(Locale.ROOT, format, seconds, this.placed.get(), this.options.orders(), this.latencies.size(),
				this.pending.size(), this.failedPosts.get(), this.placed.get() / Math.max(seconds, 0.001));
	}

	private boolean report(double seconds) {
		long[] millis;
		synchronized (this.latencies) {
			millis = this.latencies.stream().mapToLong(Long::longValue).toArray();
		}
		LatencyStats stats = new LatencyStats(millis);
		System.out.printf(Locale.ROOT,
				"orders placed: %d of %d in %.1f s (%.1f orders/s); reached a terminal state: %d "
						+ "(%.1f/s); still pending: %d%n",
				this.placed.get(), this.options.orders(), seconds, this.placed.get() / seconds, stats.count(),
				stats.count() / seconds, this.pending.size());
		System.out.printf(Locale.ROOT, "POST -> terminal latency ms: p50 %d  p95 %d  p99 %d  max %d%n",
				stats.percentile(50), stats.percentile(95), stats.percentile(99), stats.max());
		System.out.println("outcomes: " + new java.util.TreeMap<>(this.outcomes));
		return this.pending.isEmpty() && this.failedPosts.get() == 0;
	}

	/**
	 * An order being followed: when it was posted ({@link System#nanoTime()}), when to
	 * poll it next and whether a poll is under way.
	 */
	private static final class Followed {

		final long postedAt;

		volatile long nextPollAt;

		volatile boolean polling;

		Followed(long postedAt, long firstPollAt) {
			this.postedAt = postedAt;
			this.nextPollAt = firstPollAt;
		}

	}

}
