package io.orderflow.order;

import java.time.Duration;

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
 */
@ConfigurationProperties("orderflow.orders")
@Validated
public record OrderProperties(@DefaultValue("10m") @DurationMin(seconds = 1) Duration sagaDeadline,
		@DefaultValue("10s") @DurationMin(millis = 10) Duration sagaDeadlineCheckInterval) {

}
