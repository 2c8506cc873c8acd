package io.orderflow.payment.messaging;

import io.orderflow.payment.account.Money;
import io.orderflow.payment.charge.PaymentCompleted;
import io.orderflow.payment.charge.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;

/**
 * Outbound: the payment-service's domain events to their Avro messages.
 */
final class PaymentEventMapper {

	private PaymentEventMapper() {
	}

	static io.orderflow.schemas.avro.PaymentCompleted toAvro(PaymentCompleted event) {
		return io.orderflow.schemas.avro.PaymentCompleted.newBuilder()
			.setEventId(event.eventId())
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setCustomerId(event.customerId().value())
			.setPaymentId(event.paymentId().value())
			.setAmount(toAvro(event.amount()))
			.build();
	}

	static io.orderflow.schemas.avro.PaymentFailed toAvro(PaymentFailed event) {
		return io.orderflow.schemas.avro.PaymentFailed.newBuilder()
			.setEventId(event.eventId())
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setCustomerId(event.customerId().value())
			.setAmount(toAvro(event.amount()))
			.setReason(toAvro(event.reason()))
			.setDetail(event.detail())
			.build();
	}

	private static io.orderflow.schemas.avro.Money toAvro(Money money) {
		return new io.orderflow.schemas.avro.Money(money.amountMinor(), money.currency());
	}

	private static PaymentFailureReason toAvro(io.orderflow.payment.charge.PaymentFailureReason reason) {
		return switch (reason) {
			case INSUFFICIENT_FUNDS -> PaymentFailureReason.INSUFFICIENT_FUNDS;
			case UNKNOWN_ACCOUNT -> PaymentFailureReason.UNKNOWN_ACCOUNT;
			case CURRENCY_MISMATCH -> PaymentFailureReason.CURRENCY_MISMATCH;
		};
	}

}
