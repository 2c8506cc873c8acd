package io.orderflow.order;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the order service's saga ({@code orderflow.orders.*}).
 *
 * @param sagaDeadline how long an order may stay {@code PENDING}: an order still pending
 * this long after it was placed is cancelled (with {@code OrderCancelled}, which
 * inventory and payment compensate), so that every saga ends, also one whose step was
 * lost; at least 1 s
 * @param sagaDeadlineCheckInterval the pause between two looks for orders past the
 * deadline, so an order ends at most this much after its deadline (while the service
 * runs); at least 10 ms
 * @param rateLimit how many orders one customer may place
 */
@ConfigurationProperties("orderflow.orders")
@Validated
public record OrderProperties(@DefaultValue("10m") @DurationMin(seconds = 1) Duration sagaDeadline,
		@DefaultValue("10s") @DurationMin(millis = 10) Duration sagaDeadlineCheckInterval,
		@DefaultValue @Valid RateLimit rateLimit) {

	/**
	 * The per-customer rate limit of {@code POST /orders} (a token bucket per customer,
	 * per instance of the service): a customer who places more is answered 429 with
	 * {@code Retry-After}, and nothing is placed.
	 *
	 * @param ordersPerSecond the sustained rate (default 10); at least 1
	 * @param burst how many orders a customer may place at once after a pause (default
	 * 20); at least 1
	 * @param enabled false lifts the limit (default true)
	 */
	public record RateLimit(@DefaultValue("10") @Min(1) int ordersPerSecond, @DefaultValue("20") @Min(1) int burst,
			@DefaultValue("true") boolean enabled) {

	}

}
