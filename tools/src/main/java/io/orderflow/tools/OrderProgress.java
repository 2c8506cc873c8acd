package io.orderflow.tools;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What one {@code GET /orders/{id}} says about an order the load generator follows, and,
 * against a service that does not wait for changes, when to ask again.
 * <p>
 * The latency of an order is what a client observes: from sending its {@code POST} to the
 * answer of the first {@code GET} that shows a terminal status. (The timeline's
 * timestamps would not do: they are those of the events, written by the service that took
 * the step, before order-service applied them.) With the long-poll the answer leaves when
 * the change commits; polls (the fallback) back off with the order's age, so the
 * measurement overshoots by at most a twentieth of the latency, or 10 ms.
 */
final class OrderProgress {

	static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");

	private static final Duration MIN_POLL = Duration.ofMillis(10);

	private static final Duration MAX_POLL = Duration.ofMillis(500);

	private OrderProgress() {
	}

	/**
	 * @param order the body of {@code GET /orders/{id}}
	 * @return the status, e.g. {@code PENDING}
	 */
	static String status(JsonNode order) {
		return order.get("status").asString();
	}

	/**
	 * Polls back off with the order's age (a twentieth of it, between 10 and 500 ms), so
	 * that following hundreds of slow orders does not load the service under test with
	 * reads.
	 * @param age time since the order was posted
	 * @return how long to wait before polling it again
	 */
	static Duration nextPoll(Duration age) {
		Duration share = age.dividedBy(20);
		if (share.compareTo(MIN_POLL) < 0) {
			return MIN_POLL;
		}
		return (share.compareTo(MAX_POLL) > 0) ? MAX_POLL : share;
	}

	/**
	 * @param took how long a long-poll took to answer with a non-terminal order
	 * @param wait how long it asked to wait
	 * @return whether the service waited (the answer came at the end of the wait, give or
	 * take a second), rather than answering at once as a service without the long-poll
	 * does
	 */
	static boolean waitedOut(Duration took, Duration wait) {
		return took.compareTo(wait.minusSeconds(1)) >= 0;
	}

	/**
	 * How long to wait before asking again after a refused request: what the service
	 * asked for ({@code Retry-After} in seconds, as order-service sends with a 503 when
	 * it sheds long-polls), but never less than {@code least}. A client that ignored it
	 * would turn every shed long-poll into polls several times a second: the load that
	 * made the service shed.
	 * @param retryAfter the header, when the answer had one
	 * @param least the shortest wait
	 * @return the wait
	 */
	static Duration afterRefusal(Optional<String> retryAfter, Duration least) {
		return retryAfter.map(String::strip)
			.filter((value) -> value.matches("[0-9]{1,5}"))
			.map((value) -> Duration.ofSeconds(Long.parseLong(value)))
			.filter((delay) -> delay.compareTo(least) > 0)
			.orElse(least);
	}

}
