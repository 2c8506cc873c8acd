package io.orderflow.order.messaging;

import java.util.stream.Collectors;

import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.order.Money;
import io.orderflow.order.OrderId;
import io.orderflow.order.SagaOutcome;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockReserved;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: the outcomes inventory and payment publish (Avro) to {@link SagaOutcome}
 * commands. A record that is not the topic's event type, or carries impossible money, can
 * never be applied ({@link NonRetryableEventException}).
 */
final class SagaOutcomeMapper {

	private SagaOutcomeMapper() {
	}

	static Inbound<SagaOutcome> stockReserved(@Nullable Object value) {
		StockReserved event = Inbound.expect(StockReserved.class, value);
		return new Inbound<>(event.getEventId(), new SagaOutcome.StockReserved(new OrderId(event.getOrderId()),
				money(event.getTotal()), event.getOccurredAt()));
	}

	static Inbound<SagaOutcome> stockRejected(@Nullable Object value) {
		StockRejected event = Inbound.expect(StockRejected.class, value);
		String detail = event.getRejectedLines()
			.stream()
			.map((line) -> line.getSku() + ": " + line.getReason() + " (requested " + line.getRequested()
					+ ", available " + line.getAvailable() + ")")
			.collect(Collectors.joining("; "));
		return new Inbound<>(event.getEventId(),
				new SagaOutcome.StockRejected(new OrderId(event.getOrderId()), detail, event.getOccurredAt()));
	}

	static Inbound<SagaOutcome> paymentCompleted(@Nullable Object value) {
		PaymentCompleted event = Inbound.expect(PaymentCompleted.class, value);
		return new Inbound<>(event.getEventId(), new SagaOutcome.PaymentCompleted(new OrderId(event.getOrderId()),
				money(event.getAmount()), event.getOccurredAt()));
	}

	static Inbound<SagaOutcome> paymentFailed(@Nullable Object value) {
		PaymentFailed event = Inbound.expect(PaymentFailed.class, value);
		String reason = event.getReason() + ((event.getDetail() != null) ? ": " + event.getDetail() : "");
		return new Inbound<>(event.getEventId(),
				new SagaOutcome.PaymentFailed(new OrderId(event.getOrderId()), reason, event.getOccurredAt()));
	}

	private static Money money(io.orderflow.schemas.avro.Money money) {
		try {
			return new Money(money.getAmountMinor(), money.getCurrency());
		}
		catch (IllegalArgumentException ex) {
			throw new NonRetryableEventException("invalid money: " + ex.getMessage());
		}
	}

}
