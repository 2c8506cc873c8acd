package io.orderflow.schemas.compat;

import java.util.List;

/** Full Avro names of the saga events named in DESIGN.md. */
final class SagaEvents {

	static final List<String> FULL_NAMES = List
		.of("OrderPlaced", "StockReserved", "StockRejected", "PaymentCompleted", "PaymentFailed", "StockReleased",
				"OrderConfirmed", "OrderCancelled")
		.stream()
		.map((name) -> "io.orderflow.schemas.avro." + name)
		.toList();

	private SagaEvents() {
	}

}
