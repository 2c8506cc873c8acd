package io.orderflow.order;

import java.time.Duration;
import java.time.Instant;

/**
 * A pending order near or past its saga deadline, as {@link OrderService#findOverdue}
 * lists it for operators.
 *
 * @param id the order
 * @param customerId who placed it
 * @param status its status when read ({@code PENDING})
 * @param placedAt when it was placed
 * @param deadline when its saga deadline passes: {@code placedAt} plus
 * {@code orderflow.orders.saga-deadline}; the order is cancelled soon after
 * @param age how long it had been pending when read
 */
public record OverdueOrder(OrderId id, String customerId, OrderStatus status, Instant placedAt, Instant deadline,
		Duration age) {

	/**
	 * @return whether the deadline had passed when the order was read
	 */
	public boolean pastDeadline() {
		return !this.placedAt.plus(this.age).isBefore(this.deadline);
	}

}
