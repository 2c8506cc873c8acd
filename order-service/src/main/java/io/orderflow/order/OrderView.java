package io.orderflow.order;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A read-only snapshot of an order.
 *
 * @param id the order
 * @param customerId who placed it
 * @param status where it stands in the saga
 * @param lines what was ordered, in the order given
 * @param total sum of the priced lines; null until inventory has reserved and priced the
 * stock
 * @param createdAt when it was placed (UTC, millisecond precision)
 * @param timeline the saga steps so far, oldest first, starting with
 * {@link SagaStep#ORDER_PLACED}
 * @param version grows with every change of the order (0 when placed): two views of one
 * order with the same version are the same
 */
public record OrderView(OrderId id, String customerId, OrderStatus status, List<OrderLine> lines, @Nullable Money total,
		Instant createdAt, List<TimelineEntry> timeline, long version) {

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.status(), order.lines(), order.total(),
				order.createdAt(), order.timeline(), order.version());
	}

}
