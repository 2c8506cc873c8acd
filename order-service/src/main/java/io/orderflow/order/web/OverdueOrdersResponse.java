package io.orderflow.order.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.order.OrderStatus;
import io.orderflow.order.OverdueOrder;

/**
 * The answer to {@code GET /orders/overdue}: the pending orders whose saga deadline has
 * passed or passes within {@code within}, oldest first, at most {@code limit}.
 *
 * @param within how far ahead was looked, ISO 8601 ({@code PT1M})
 * @param limit most orders listed; as many listed means there may be more
 * @param orders the orders, oldest first
 */
record OverdueOrdersResponse(String within, int limit, List<Overdue> orders) {

	static OverdueOrdersResponse of(Duration within, int limit, List<OverdueOrder> orders) {
		return new OverdueOrdersResponse(within.toString(), limit,
				orders.stream()
					.map((order) -> new Overdue(order.id().value(), order.customerId(), order.status(),
							order.placedAt(), order.deadline(), order.age().toString(), order.pastDeadline()))
					.toList());
	}

	/**
	 * @param id the order
	 * @param customerId who placed it
	 * @param status {@code PENDING}
	 * @param placedAt when it was placed
	 * @param deadline when its saga deadline passes (or passed)
	 * @param age how long it has been pending, ISO 8601 ({@code PT9M30.5S})
	 * @param pastDeadline whether the deadline has passed: the order is about to be
	 * cancelled
	 */
	record Overdue(UUID id, String customerId, OrderStatus status, Instant placedAt, Instant deadline, String age,
			boolean pastDeadline) {

	}

}
