package io.orderflow.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Builds {@link PlaceOrder} commands: one line {@code SKU-1 x 2} for a fresh customer
 * unless told otherwise.
 */
public final class PlaceOrders {

	private String customerId = "customer-" + UUID.randomUUID();

	private final List<OrderLine> lines = new ArrayList<>();

	private @Nullable String idempotencyKey;

	private PlaceOrders() {
	}

	public static PlaceOrders anOrder() {
		return new PlaceOrders();
	}

	public PlaceOrders customerId(String customerId) {
		this.customerId = customerId;
		return this;
	}

	public PlaceOrders line(String sku, int quantity) {
		this.lines.add(new OrderLine(sku, quantity));
		return this;
	}

	public PlaceOrders idempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
		return this;
	}

	public PlaceOrder build() {
		List<OrderLine> orderLines = this.lines.isEmpty() ? List.of(new OrderLine("SKU-1", 2)) : this.lines;
		return new PlaceOrder(this.customerId, orderLines, this.idempotencyKey);
	}

}
