package io.orderflow.payment.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.payment.charge.PaymentService;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Charges orders whose stock was reserved. Names its mapping and its domain handler; the
 * {@link EventPipeline} deduplicates, charges in one transaction and acknowledges after
 * commit.
 */
@Component
class StockReservedListener {

	/** Listener container id (not the consumer group, which comes from configuration). */
	static final String ID = "payment-stock-reserved";

	private final EventPipeline pipeline;

	private final PaymentService payments;

	StockReservedListener(EventPipeline pipeline, PaymentService payments) {
		this.pipeline = pipeline;
		this.payments = payments;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.STOCK_RESERVED)
	void on(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, StockReservedMapper::toInbound, this.payments::charge);
	}

}
