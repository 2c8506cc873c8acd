package io.orderflow.inventory.messaging;

import java.util.List;

import io.orderflow.inventory.reservation.ReservationService;
import io.orderflow.inventory.reservation.StockCommand;
import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.TopicMappings;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The saga events the inventory reacts to, in one listener for the four topics (one poll,
 * one batch, one transaction). Each topic names its mapping; the domain prepares a batch
 * (locks every product it touches, in SKU order) and applies each command; the
 * {@link EventPipeline} deduplicates and acknowledges after commit.
 */
@Component
class SagaListener {

	/** Listener container id (not the consumer group, which comes from configuration). */
	static final String ID = "inventory-saga";

	private final EventPipeline pipeline;

	private final TopicMappings<StockCommand> mappings;

	private final ReservationService reservations;

	SagaListener(EventPipeline pipeline, InboundMapper inbound, ReservationService reservations) {
		this.pipeline = pipeline;
		this.mappings = TopicMappings.<StockCommand>of(Topics.ORDER_PLACED, inbound::reserveStock)
			.and(Topics.PAYMENT_FAILED, inbound::releaseStock)
			.and(Topics.ORDER_CONFIRMED, inbound::confirmSale)
			.and(Topics.ORDER_CANCELLED, inbound::cancelReservation);
		this.reservations = reservations;
	}

	@KafkaListener(id = ID, idIsGroup = false,
			topics = { Topics.ORDER_PLACED, Topics.PAYMENT_FAILED, Topics.ORDER_CONFIRMED, Topics.ORDER_CANCELLED })
	void on(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, this.mappings, this.reservations::lockStockFor, this.reservations::apply);
	}

}
