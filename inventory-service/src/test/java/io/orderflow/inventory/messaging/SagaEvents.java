package io.orderflow.inventory.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;

/**
 * The other services' events the inventory reacts to, with fresh event ids.
 */
final class SagaEvents {

	private SagaEvents() {
	}

	static PaymentFailed paymentFailed(UUID orderId) {
		return PaymentFailed.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(now())
			.setCustomerId("alice")
			.setAmount(new Money(1500L, "EUR"))
			.setReason(PaymentFailureReason.INSUFFICIENT_FUNDS)
			.setDetail(null)
			.build();
	}

	static OrderConfirmed orderConfirmed(UUID orderId) {
		return OrderConfirmed.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(orderId)
			.setOccurredAt(now())
			.setCustomerId("alice")
			.setTotal(new Money(1500L, "EUR"))
			.build();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
