package io.orderflow.order.messaging;

import java.util.UUID;
import java.util.stream.Collectors;

import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.order.Money;
import io.orderflow.order.OrderId;
import io.orderflow.order.SagaTransitions;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockReserved;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps the saga outcomes to order transitions, each in one transaction with the claim of
 * its event id: a redelivered event changes nothing. An outcome for an order this service
 * does not know violates the contract and goes to the dead-letter topic.
 */
@Component
class SagaOutcomeHandler {

	private final ProcessedEvents processedEvents;

	private final SagaTransitions transitions;

	SagaOutcomeHandler(ProcessedEvents processedEvents, SagaTransitions transitions) {
		this.processedEvents = processedEvents;
		this.transitions = transitions;
	}

	@Transactional
	public void on(StockReserved event) {
		if (this.processedEvents.claim(event.getEventId(), Topics.STOCK_RESERVED)) {
			known(event.getOrderId(), this.transitions.stockReserved(new OrderId(event.getOrderId()),
					money(event.getTotal()), event.getOccurredAt()));
		}
	}

	@Transactional
	public void on(StockRejected event) {
		if (this.processedEvents.claim(event.getEventId(), Topics.STOCK_REJECTED)) {
			String detail = event.getRejectedLines()
				.stream()
				.map((line) -> line.getSku() + ": " + line.getReason() + " (requested " + line.getRequested()
						+ ", available " + line.getAvailable() + ")")
				.collect(Collectors.joining("; "));
			known(event.getOrderId(),
					this.transitions.stockRejected(new OrderId(event.getOrderId()), detail, event.getOccurredAt()));
		}
	}

	@Transactional
	public void on(PaymentCompleted event) {
		if (this.processedEvents.claim(event.getEventId(), Topics.PAYMENT_COMPLETED)) {
			known(event.getOrderId(), this.transitions.paymentCompleted(new OrderId(event.getOrderId()),
					money(event.getAmount()), event.getOccurredAt()));
		}
	}

	@Transactional
	public void on(PaymentFailed event) {
		if (this.processedEvents.claim(event.getEventId(), Topics.PAYMENT_FAILED)) {
			String reason = event.getReason() + ((event.getDetail() != null) ? ": " + event.getDetail() : "");
			known(event.getOrderId(),
					this.transitions.paymentFailed(new OrderId(event.getOrderId()), reason, event.getOccurredAt()));
		}
	}

	private static Money money(io.orderflow.schemas.avro.Money money) {
		try {
			return new Money(money.getAmountMinor(), money.getCurrency());
		}
		catch (IllegalArgumentException ex) {
			throw new NonRetryableEventException("invalid money: " + ex.getMessage());
		}
	}

	private static void known(UUID orderId, boolean known) {
		if (!known) {
			throw new NonRetryableEventException("unknown order " + orderId);
		}
	}

}
