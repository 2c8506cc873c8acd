package io.orderflow.order;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Waits for an order to move on, or for the outcome of its saga: a bounded long-poll, so
 * that clients following an order through the saga ask once per change (or once for the
 * outcome) instead of polling.
 * <p>
 * The wait registers for the order's next change signal ({@link OrderChangeFeed}) before
 * it reads the order, so a change that commits in between is seen either by the read or
 * by the signal. The signal is one for the changes the request waits for: a wait for the
 * outcome is not woken by the steps before it, and reads the order twice (at the start
 * and once terminal) instead of once per step. Signals and timeouts are handled on the
 * application's task executor, which reads the order again; no thread is held while an
 * order does not change.
 * <p>
 * At most {@code orderflow.orders.max-waiting-requests} requests wait at a time (default
 * {@value #DEFAULT_MAX_WAITING}); beyond that a wait is refused at once
 * ({@link TooManyWaitingRequestsException}: 503 with {@code Retry-After}, default
 * {@value #DEFAULT_RETRY_AFTER}), so that a backlog of orders turns long-polls into polls
 * every few seconds instead of exhausting the heap. Not once a second: at 100 orders/s a
 * backlog of 3,500 orders made 2,500 refused clients ask every second, 1.4 refusals per
 * order, and the load of the refusals kept the backlog from draining.
 */
@Service
public class OrderWatch {

	/** The longest wait a request may ask for. */
	public static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	/** Requests that may wait at a time, unless configured otherwise. */
	public static final int DEFAULT_MAX_WAITING = 1000;

	/**
	 * When a refused client should ask again, unless configured otherwise: a refusal
	 * means a backlog, whose orders move on in seconds, not at once.
	 */
	public static final String DEFAULT_RETRY_AFTER = "5s";

	private final AtomicInteger waiting = new AtomicInteger();

	private final int maxWaiting;

	private final Duration retryAfter;

	private final OrderService orders;

	private final OrderChangeFeed feed;

	private final Executor executor;

	OrderWatch(OrderService orders, OrderChangeFeed feed, @Qualifier("applicationTaskExecutor") Executor executor,
			@Value("${orderflow.orders.max-waiting-requests:" + DEFAULT_MAX_WAITING + "}") int maxWaiting,
			@Value("${orderflow.orders.wait-refused-retry-after:" + DEFAULT_RETRY_AFTER + "}") Duration retryAfter) {
		this.orders = orders;
		this.maxWaiting = maxWaiting;
		this.retryAfter = retryAfter;
		this.feed = feed;
		this.executor = executor;
	}

	/**
	 * @param id the order
	 * @param knownVersion the version the client has seen ({@link OrderView#version()});
	 * empty: the version the order has now
	 * @param wait how long to wait at most, up to {@link #LONGEST_WAIT}
	 * @return completed with the order as soon as its version differs from the known one
	 * or its status is terminal (at once when it already does or is), else after
	 * {@code wait} with the order as it stands; empty when there is no such order
	 * @throws TooManyWaitingRequestsException when as many requests as allowed wait
	 * already
	 */
	public CompletableFuture<Optional<OrderView>> awaitChange(OrderId id, OptionalLong knownVersion, Duration wait) {
		return awaitChange(id, knownVersion, wait, (order) -> true);
	}

	/**
	 * {@link #awaitChange(OrderId, OptionalLong, Duration)} for a caller who may see only
	 * some orders: an order the caller may not see is answered at once as no order, like
	 * one that does not exist, so that waiting tells nothing about it.
	 * @param id the order
	 * @param knownVersion the version the client has seen; empty: the version it has now
	 * @param wait how long to wait at most, up to {@link #LONGEST_WAIT}
	 * @param visible whether the caller may see the order (judged on its first read)
	 * @return as {@link #awaitChange(OrderId, OptionalLong, Duration)}
	 */
	public CompletableFuture<Optional<OrderView>> awaitChange(OrderId id, OptionalLong knownVersion, Duration wait,
			Predicate<OrderView> visible) {
		// without a known version, any change may be one after the first read
		Predicate<OrderChange> wanted = knownVersion.isPresent() ? changedFrom(knownVersion.getAsLong())
				: (any) -> true;
		return watch(id, wait, wanted, (first) -> changedFrom(knownVersion.orElse(first.version())), visible);
	}

	/**
	 * For clients that want only the outcome of the saga: one request instead of one per
	 * step.
	 * @param id the order
	 * @param wait how long to wait at most, up to {@link #LONGEST_WAIT}
	 * @return completed with the order as soon as its status is terminal (at once when it
	 * is), else after {@code wait} with the order as it stands; empty when there is no
	 * such order
	 * @throws TooManyWaitingRequestsException when as many requests as allowed wait
	 * already
	 */
	public CompletableFuture<Optional<OrderView>> awaitOutcome(OrderId id, Duration wait) {
		return awaitOutcome(id, wait, (order) -> true);
	}

	/**
	 * {@link #awaitOutcome(OrderId, Duration)} for a caller who may see only some orders
	 * (see {@link #awaitChange(OrderId, OptionalLong, Duration, Predicate)}).
	 * @param id the order
	 * @param wait how long to wait at most, up to {@link #LONGEST_WAIT}
	 * @param visible whether the caller may see the order (judged on its first read)
	 * @return as {@link #awaitOutcome(OrderId, Duration)}
	 */
	public CompletableFuture<Optional<OrderView>> awaitOutcome(OrderId id, Duration wait,
			Predicate<OrderView> visible) {
		Predicate<OrderChange> terminal = (change) -> change.status().isTerminal();
		return watch(id, wait, terminal, (first) -> terminal, visible);
	}

	private static Predicate<OrderChange> changedFrom(long version) {
		return (change) -> change.version() != version || change.status().isTerminal();
	}

	/**
	 * @param wanted the changes that may answer, before the order was read
	 * @param answers given the order as first read, the changes that answer
	 */
	private CompletableFuture<Optional<OrderView>> watch(OrderId id, Duration wait, Predicate<OrderChange> wanted,
			Function<OrderView, Predicate<OrderChange>> answers, Predicate<OrderView> visible) {
		if (wait.isNegative() || wait.compareTo(LONGEST_WAIT) > 0) {
			throw new IllegalArgumentException("wait must be between 0 and " + LONGEST_WAIT + ": " + wait);
		}
		if (this.waiting.incrementAndGet() > this.maxWaiting) {
			this.waiting.decrementAndGet();
			throw new TooManyWaitingRequestsException(this.maxWaiting, this.retryAfter);
		}
		CompletableFuture<Optional<OrderView>> change;
		try {
			change = await(id, wanted, answers, visible, System.nanoTime() + wait.toNanos());
		}
		catch (RuntimeException ex) {
			this.waiting.decrementAndGet();
			throw ex;
		}
		return change.whenComplete((order, ex) -> this.waiting.decrementAndGet());
	}

	private CompletableFuture<Optional<OrderView>> await(OrderId id, Predicate<OrderChange> wanted,
			Function<OrderView, Predicate<OrderChange>> answers, Predicate<OrderView> visible, long deadline) {
		CompletableFuture<Void> signal = this.feed.next(id, wanted);
		Optional<OrderView> order;
		try {
			// the whole order in one statement: when it moved on, this read is the answer
			order = this.orders.find(id);
		}
		catch (RuntimeException ex) {
			this.feed.forget(id, signal);
			throw ex;
		}
		long left = deadline - System.nanoTime();
		if (order.isEmpty() || !visible.test(order.get())) {
			this.feed.forget(id, signal);
			return CompletableFuture.completedFuture(Optional.empty());
		}
		Predicate<OrderChange> answer = answers.apply(order.get());
		if (answer.test(OrderChange.of(order.get())) || left <= 0) {
			this.feed.forget(id, signal);
			return CompletableFuture.completedFuture(order);
		}
		// later reads are judged by the condition the first read fixed
		return signal.completeOnTimeout(null, left, TimeUnit.NANOSECONDS).thenComposeAsync((ignored) -> {
			this.feed.forget(id, signal);
			return await(id, answer, (later) -> answer, visible, deadline);
		}, this.executor);
	}

}
