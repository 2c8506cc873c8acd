package io.orderflow.inventory.messaging;

import java.util.List;

import io.orderflow.inventory.reservation.ReservationService;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The saga events the inventory reacts to. Each listener names its mapping, how its
 * domain prepares a batch (locks the products the batch touches, in SKU order) and its
 * domain handler; the {@link EventPipeline} deduplicates, applies each polled batch in
 * one transaction and acknowledges after commit.
 */
@Component
class SagaListener {

	/** Listener (container) ids, e.g. for health details and tests. */
	static final String ORDER_PLACED = "inventory.order-placed";

	static final String PAYMENT_FAILED = "inventory.payment-failed";

	static final String ORDER_CONFIRMED = "inventory.order-confirmed";

	private final EventPipeline pipeline;

	private final InboundMapper inbound;

	private final ReservationService reservations;

	SagaListener(EventPipeline pipeline, InboundMapper inbound, ReservationService reservations) {
		this.pipeline = pipeline;
		this.inbound = inbound;
		this.reservations = reservations;
	}

	@KafkaListener(id = ORDER_PLACED, idIsGroup = false, topics = Topics.ORDER_PLACED)
	void onOrderPlaced(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, this.inbound::reserveStock, this.reservations::lockStockFor,
				this.reservations::reserve);
	}

	@KafkaListener(id = PAYMENT_FAILED, idIsGroup = false, topics = Topics.PAYMENT_FAILED)
	void onPaymentFailed(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, this.inbound::releaseStock, this.reservations::lockStockForRelease,
				this.reservations::release);
	}

	@KafkaListener(id = ORDER_CONFIRMED, idIsGroup = false, topics = Topics.ORDER_CONFIRMED)
	void onOrderConfirmed(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, this.inbound::confirmSale, this.reservations::lockStockForSale,
				this.reservations::confirm);
	}

}
