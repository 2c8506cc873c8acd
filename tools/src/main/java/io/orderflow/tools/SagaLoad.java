package io.orderflow.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open-loop run of the whole saga: places {@code orders} orders at {@code rate}
 * orders/s against order-service (whatever the answers, the next POST leaves on time) and
 * follows each accepted order to its terminal state with the long-poll for the outcome
 * {@code GET /orders/{id}?waitForOutcome=} (one request per order, answered when its
 * terminal status commits). The latency of an order is what a client observes: from
 * sending its POST to the answer that shows it terminal. Used by {@code ./orderflow load}
 * and by each step of {@code ./orderflow bench}.
 */
public final class SagaLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String url;

	private final List<String> customers;

	private final List<String> skus;

	private final Map<String, Followed> pending = new ConcurrentHashMap<>();

	private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	private final AtomicInteger placed = new AtomicInteger();

	private final AtomicInteger failedPosts = new AtomicInteger();

	/** How long one request for an order's next change waits at most. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * After a failed request for an order's next change, the next one waits this long.
	 */
	private static final Duration RETRY = Duration.ofMillis(200);

	private volatile boolean stopped;

	private volatile long lastTerminalAt;

	private volatile int limit = Integer.MAX_VALUE;

	private final Listener listener;

	private final ApiAuth auth;

	public SagaLoad(HttpClient http, String url, List<String> customers, List<String> skus, ApiAuth auth) {
		this(http, url, customers, skus, auth, Listener.NONE);
	}

	/**
	 * @param http the client
	 * @param url order-service
	 * @param customers who orders
	 * @param skus what is ordered
	 * @param auth the customers' tokens
	 * @param listener told of every POST's answer and every order seen terminal
	 */
	public SagaLoad(HttpClient http, String url, List<String> customers, List<String> skus, ApiAuth auth,
			Listener listener) {
		this.http = http;
		this.auth = auth;
		this.url = url;
		this.customers = customers;
		this.skus = skus;
		this.listener = listener;
	}

	/**
	 * Places no more orders (from any thread): the run waits for the ones placed, up to
	 * its drain time, and ends.
	 */
	public void stopPlacing() {
		this.limit = 0;
	}

	/**
	 * Places the orders and waits for them.
	 * @param orders how many orders
	 * @param rate orders per second offered
	 * @param drain how long to wait for outstanding orders after the last POST
	 * @param progress called about once a second while the run lasts
	 * @return what happened
	 */
	public LoadResult run(int orders, double rate, Duration drain, Consumer<Progress> progress)
			throws InterruptedException {
		if (this.auth.enabled()) {
			// every customer logs in before the first order: no login delays the schedule
			this.customers.forEach(this.auth::customerToken);
		}
		long start = System.nanoTime();
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
		long periodNanos = (long) (1_000_000_000L / rate);
		AtomicInteger issued = new AtomicInteger();
		AtomicInteger posted = new AtomicInteger();
		scheduler.scheduleAtFixedRate(() -> {
			if (issued.getAndIncrement() < Math.min(orders, this.limit)) {
				posted.incrementAndGet();
				place();
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		long deadline = Long.MAX_VALUE;
		long lastProgress = 0;
		long lastPostAt = start;
		try {
			while (true) {
				long now = System.nanoTime();
				if (now - lastProgress >= 1_000_000_000L) {
					progress.accept(new Progress((now - start) / 1e9, this.placed.get(), orders, this.latencies.size(),
							this.pending.size(), this.failedPosts.get()));
					lastProgress = now;
				}
				if (issued.get() >= Math.min(orders, this.limit) && deadline == Long.MAX_VALUE) {
					lastPostAt = now;
					deadline = now + drain.toNanos();
				}
				int finished = this.latencies.size() + this.failedPosts.get();
				if ((deadline != Long.MAX_VALUE && finished >= posted.get()) || now > deadline) {
					break;
				}
				TimeUnit.MILLISECONDS.sleep(5);
			}
		}
		finally {
			this.stopped = true;
			scheduler.shutdownNow();
		}
		long end = System.nanoTime();
		long[] millis;
		synchronized (this.latencies) {
			millis = this.latencies.stream().mapToLong(Long::longValue).toArray();
		}
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
		long lastTerminal = (this.lastTerminalAt == 0) ? end : this.lastTerminalAt;
		return new LoadResult(posted.get(), rate, this.placed.get(), this.failedPosts.get(), this.pending.size(),
				new LatencyStats(millis), counts, (end - start) / 1e9, (lastPostAt - start) / 1e9,
				(Math.max(lastTerminal, start) - start) / 1e9);
	}

	private void place() {
		String customer = this.customers.get(ThreadLocalRandom.current().nextInt(this.customers.size()));
		String body = orderJson(customer);
		long postedAt = System.nanoTime();
		HttpRequest request = this.auth.asCustomer(HttpRequest.newBuilder(URI.create(this.url + "/orders")), customer)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
			if (error != null || response.statusCode() != 201) {
				this.failedPosts.incrementAndGet();
				String outcome = (error != null) ? "POST error" : "HTTP " + response.statusCode();
				count(outcome);
				Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
						: error;
				this.listener.refused((cause != null) ? cause.getClass().getSimpleName() : outcome, postedAt);
				return;
			}
			this.placed.incrementAndGet();
			String id = JSON.readTree(response.body()).get("id").asString();
			this.listener.accepted(id, postedAt);
			Followed order = new Followed(postedAt, customer);
			this.pending.put(id, order);
			follow(id, order, response.headers().firstValue("ETag").orElse(null));
		});
	}

	/**
	 * Asks for the order's outcome ({@code GET /orders/{id}?waitForOutcome=}, naming the
	 * version seen), answered when its terminal status commits, and asks again after a
	 * wait that ended without one. A service that answers a non-terminal order before the
	 * wait is over does not wait: it is polled with a back-off instead
	 * ({@link OrderProgress#nextPoll}).
	 */
	private void follow(String id, Followed order, @Nullable String tag) {
		if (this.stopped) {
			return;
		}
		HttpRequest.Builder request = this.auth
			.asCustomer(
					HttpRequest.newBuilder(
							URI.create(this.url + "/orders/" + id + "?waitForOutcome=" + WAIT.toSeconds() + "s")),
					order.customer())
			.timeout(WAIT.plusSeconds(10))
			.GET();
		if (tag != null) {
			request.header("If-None-Match", tag);
		}
		long askedAt = System.nanoTime();
		this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
			long answeredAt = System.nanoTime();
			if (error != null || (response.statusCode() != 200 && response.statusCode() != 304)) {
				later(() -> follow(id, order, tag), (response != null)
						? OrderProgress.afterRefusal(response.headers().firstValue("Retry-After"), RETRY) : RETRY);
				return;
			}
			if (response.statusCode() == 304) {
				follow(id, order, tag);
				return;
			}
			String status = OrderProgress.status(JSON.readTree(response.body()));
			if (OrderProgress.TERMINAL.contains(status)) {
				if (this.pending.remove(id) != null) {
					this.latencies.add((answeredAt - order.postedAt) / 1_000_000);
					this.lastTerminalAt = answeredAt;
					count(status);
					this.listener.terminal(id, status, answeredAt);
				}
				return;
			}
			String next = response.headers().firstValue("ETag").orElse(null);
			if (next == null || !OrderProgress.waitedOut(Duration.ofNanos(answeredAt - askedAt), WAIT)) {
				later(() -> follow(id, order, null),
						OrderProgress.nextPoll(Duration.ofNanos(answeredAt - order.postedAt)));
			}
			else {
				follow(id, order, next);
			}
		});
	}

	private void later(Runnable task, Duration delay) {
		if (!this.stopped) {
			CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(task);
		}
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (k) -> new AtomicInteger()).incrementAndGet();
	}

	private String orderJson(String customer) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<String> shuffled = new ArrayList<>(this.skus);
		Collections.shuffle(shuffled, random);
		int lines = 1 + random.nextInt(Math.min(2, shuffled.size()));
		StringBuilder json = new StringBuilder("{\"customerId\":\"").append(customer).append("\",\"lines\":[");
		for (int i = 0; i < lines; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"sku\":\"")
				.append(shuffled.get(i))
				.append("\",\"quantity\":")
				.append(1 + random.nextInt(2))
				.append('}');
		}
		return json.append("]}").toString();
	}

	/**
	 * Where a run stands.
	 *
	 * @param seconds since the first POST
	 * @param placed orders accepted (201)
	 * @param orders orders of the run
	 * @param terminal orders seen in a terminal state
	 * @param inFlight accepted orders not yet terminal
	 * @param failed POSTs refused or failed
	 */
	public record Progress(double seconds, int placed, int orders, int terminal, int inFlight, int failed) {
	}

	/**
	 * What a client of the run saw, order by order (times are {@link System#nanoTime()});
	 * called from the HTTP client's threads.
	 */
	public interface Listener {

		/** Hears nothing. */
		Listener NONE = new Listener() {
		};

		/**
		 * @param id the order
		 * @param postedAt when its POST left
		 */
		default void accepted(String id, long postedAt) {
		}

		/**
		 * @param outcome {@code HTTP <status>}, or the class of the client's error
		 * @param postedAt when the POST left
		 */
		default void refused(String outcome, long postedAt) {
		}

		/**
		 * @param id the order
		 * @param status its terminal status
		 * @param seenAt when the answer that showed it arrived
		 */
		default void terminal(String id, String status, long seenAt) {
		}

	}

	/**
	 * An order being followed, posted at {@code postedAt} ({@link System#nanoTime()}).
	 */
	private record Followed(long postedAt, String customer) {

	}

}
