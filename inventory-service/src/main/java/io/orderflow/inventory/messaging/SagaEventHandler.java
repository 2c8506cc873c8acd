package io.orderflow.inventory.messaging;

import io.orderflow.inventory.reservation.ConfirmSale;
import io.orderflow.inventory.reservation.ReleaseStock;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.inventory.reservation.Reservations;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.consumer.ProcessedEvents;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one received event in one database transaction: claims its event id (a
 * redelivered event changes nothing), lets the domain do its work, and appends the
 * resulting event to the outbox. The listener acknowledges the record only after this
 * transaction has committed.
 */
@Component
class SagaEventHandler {

	private static final Logger logger = LoggerFactory.getLogger(SagaEventHandler.class);

	private final ProcessedEvents processedEvents;

	private final Reservations reservations;

	private final OutboxWriter outbox;

	private final OutboundMapper outbound;

	SagaEventHandler(ProcessedEvents processedEvents, Reservations reservations, OutboxWriter outbox,
			OutboundMapper outbound) {
		this.processedEvents = processedEvents;
		this.reservations = reservations;
		this.outbox = outbox;
		this.outbound = outbound;
	}

	@Transactional
	public void reserve(Incoming<ReserveStock> incoming) {
		if (claim(incoming, Topics.ORDER_PLACED)) {
			try {
				this.reservations.reserve(incoming.command())
					.ifPresent((event) -> this.outbox.append(this.outbound.toOutbox(event)));
			}
			catch (ArithmeticException ex) {
				// prices times quantities beyond a long: this order can never be priced
				throw new NonRetryableEventException(
						"order " + incoming.command().orderId() + " cannot be priced: " + ex.getMessage());
			}
		}
	}

	@Transactional
	public void release(Incoming<ReleaseStock> incoming) {
		if (claim(incoming, Topics.PAYMENT_FAILED)) {
			this.reservations.release(incoming.command())
				.ifPresent((event) -> this.outbox.append(this.outbound.toOutbox(event)));
		}
	}

	@Transactional
	public void confirm(Incoming<ConfirmSale> incoming) {
		if (claim(incoming, Topics.ORDER_CONFIRMED)) {
			this.reservations.confirm(incoming.command());
		}
	}

	private boolean claim(Incoming<?> incoming, String topic) {
		if (this.processedEvents.claim(incoming.eventId(), topic)) {
			return true;
		}
		logger.info("Event {} from {} was processed before, redelivery changes nothing", incoming.eventId(), topic);
		return false;
	}

}
