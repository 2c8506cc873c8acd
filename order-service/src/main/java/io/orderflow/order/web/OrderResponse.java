package io.orderflow.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.order.Money;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.OrderView;
import io.orderflow.order.SagaStep;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it, in {@code GET /orders/{id}}, in lists and in the response
 * to {@code POST /orders}.
 *
 * @param id the order id
 * @param customerId who placed it
 * @param status {@code PENDING}, {@code CONFIRMED}, {@code REJECTED} or {@code CANCELLED}
 * @param lines what was ordered
 * @param total the priced total; null until inventory has reserved the stock
 * @param createdAt when it was placed
 * @param timeline saga steps so far, oldest first
 */
record OrderResponse(UUID id, String customerId, OrderStatus status, List<Line> lines, @Nullable Amount total,
		Instant createdAt, List<Step> timeline) {

	static OrderResponse of(OrderView order) {
		Money total = order.total();
		return new OrderResponse(order.id().value(), order.customerId(), order.status(),
				order.lines().stream().map((line) -> new Line(line.sku(), line.quantity())).toList(),
				(total != null) ? new Amount(total.amountMinor(), total.currency()) : null, order.createdAt(),
				order.timeline().stream().map((entry) -> new Step(entry.step(), entry.at(), entry.detail())).toList());
	}

	record Line(String sku, int quantity) {

	}

	/**
	 * @param amountMinor amount in minor units (cents)
	 * @param currency ISO 4217 code
	 */
	record Amount(long amountMinor, String currency) {

	}

	record Step(SagaStep step, Instant at, @Nullable String detail) {

	}

}
