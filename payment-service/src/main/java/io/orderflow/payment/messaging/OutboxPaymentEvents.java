package io.orderflow.payment.messaging;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.payment.charge.PaymentCompleted;
import io.orderflow.payment.charge.PaymentEvents;
import io.orderflow.payment.charge.PaymentFailed;
import io.orderflow.schemas.Topics;

import org.springframework.stereotype.Component;

/**
 * Appends payment outcomes to the outbox, in the caller's transaction, keyed by the order
 * id so that all events of one order stay in order.
 */
@Component
class OutboxPaymentEvents implements PaymentEvents {

	/** Aggregate type of the outbox rows. */
	static final String AGGREGATE_TYPE = "Payment";

	private final OutboxWriter outbox;

	OutboxPaymentEvents(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	@Override
	public void completed(PaymentCompleted event) {
		this.outbox.append(new OutboxEvent(event.eventId(), AGGREGATE_TYPE, event.orderId().toString(),
				Topics.PAYMENT_COMPLETED, PaymentEventMapper.toAvro(event)));
	}

	@Override
	public void failed(PaymentFailed event) {
		this.outbox.append(new OutboxEvent(event.eventId(), AGGREGATE_TYPE, event.orderId().toString(),
				Topics.PAYMENT_FAILED, PaymentEventMapper.toAvro(event)));
	}

}
