package io.orderflow.payment.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.TopicMappings;
import io.orderflow.payment.charge.PaymentCommand;
import io.orderflow.payment.charge.PaymentService;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The saga events payments react to, in one listener for both topics (one poll, one
 * batch, one transaction): charge orders whose stock was reserved, give back what was
 * charged for cancelled ones. Each topic names its mapping; the {@link EventPipeline}
 * deduplicates, lets payments lock the batch's accounts in one order
 * ({@link PaymentService#lockAccountsFor}), applies the commands in one transaction and
 * acknowledges after commit.
 */
@Component
class SagaListener {

	/** Listener container id (not the consumer group, which comes from configuration). */
	static final String ID = "payment-saga";

	private static final TopicMappings<PaymentCommand> MAPPINGS = TopicMappings
		.<PaymentCommand>of(Topics.STOCK_RESERVED, StockReservedMapper::toInbound)
		.and(Topics.ORDER_CANCELLED, OrderCancelledMapper::toInbound);

	private final EventPipeline pipeline;

	private final PaymentService payments;

	SagaListener(EventPipeline pipeline, PaymentService payments) {
		this.pipeline = pipeline;
		this.payments = payments;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = { Topics.STOCK_RESERVED, Topics.ORDER_CANCELLED })
	void on(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, MAPPINGS, this.payments::lockAccountsFor, this.payments::apply);
	}

}
