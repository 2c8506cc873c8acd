package io.orderflow.inventory.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;

/**
 * {@code anOrder().line("SKU-1", 2).build()}: an {@link OrderPlaced} with fresh ids.
 */
final class OrderPlacedBuilder {

	private UUID orderId = UUID.randomUUID();

	private String customerId = "alice";

	private final List<OrderLine> lines = new ArrayList<>();

	private OrderPlacedBuilder() {
	}

	static OrderPlacedBuilder anOrder() {
		return new OrderPlacedBuilder();
	}

	OrderPlacedBuilder id(UUID orderId) {
		this.orderId = orderId;
		return this;
	}

	OrderPlacedBuilder customer(String customerId) {
		this.customerId = customerId;
		return this;
	}

	OrderPlacedBuilder line(String sku, int quantity) {
		this.lines.add(new OrderLine(sku, quantity));
		return this;
	}

	OrderPlaced build() {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(this.orderId)
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setCustomerId(this.customerId)
			.setLines(List.copyOf(this.lines))
			.build();
	}

}
