package io.orderflow.order.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.order.OrderProperties;
import io.orderflow.web.ProblemException;
import io.orderflow.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The per-customer rate limit of {@code POST /orders}: a token bucket per customer
 * (Bucket4j), {@code orderflow.orders.rate-limit.orders-per-second} refilled greedily, up
 * to {@code burst} at once. An order over the limit is refused before anything is stored:
 * 429 {@code too-many-orders} with {@code Retry-After} in whole seconds, counted in
 * {@code orderflow_orders_rate_limited_total}. Buckets of customers who have not ordered
 * for a minute are dropped (a new one starts full). The limit holds per instance of the
 * service.
 */
@Component
class OrderRateLimit {

	private final OrderProperties.RateLimit limit;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.build();

	private final Counter limited;

	OrderRateLimit(OrderProperties properties, MeterRegistry meters) {
		this.limit = properties.rateLimit();
		this.limited = Counter.builder("orderflow.orders.rate.limited")
			.description("POST /orders refused with 429: the customer placed orders faster than the rate limit")
			.register(meters);
	}

	/**
	 * Takes one order from the customer's bucket.
	 * @param customer who orders
	 * @throws ProblemException 429 when the customer's bucket is empty
	 */
	void acquire(String customer) {
		if (!this.limit.enabled()) {
			return;
		}
		Bucket bucket = this.buckets.get(customer, (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return;
		}
		this.limited.increment();
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-orders", "Too many orders",
				"This customer places orders faster than the service allows; retry after Retry-After seconds");
		ProblemException refused = new ProblemException(problem, null);
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		throw refused;
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.limit.burst())
				.refillGreedy(this.limit.ordersPerSecond(), Duration.ofSeconds(1))
				.build())
			.build();
	}

}
