package io.orderflow.order.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.order.OrderSaga;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes the outcomes of inventory and payment. Each listener names its mapping; the
 * {@link EventPipeline} deduplicates, applies the outcome to the order in one transaction
 * and acknowledges after commit.
 */
@Component
class SagaOutcomeListener {

	private final EventPipeline pipeline;

	private final OrderSaga transitions;

	SagaOutcomeListener(EventPipeline pipeline, OrderSaga transitions) {
		this.pipeline = pipeline;
		this.transitions = transitions;
	}

	@KafkaListener(id = "order-stock-reserved", idIsGroup = false, topics = Topics.STOCK_RESERVED)
	void onStockReserved(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, SagaOutcomeMapper::stockReserved, this.transitions::apply);
	}

	@KafkaListener(id = "order-stock-rejected", idIsGroup = false, topics = Topics.STOCK_REJECTED)
	void onStockRejected(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, SagaOutcomeMapper::stockRejected, this.transitions::apply);
	}

	@KafkaListener(id = "order-payment-completed", idIsGroup = false, topics = Topics.PAYMENT_COMPLETED)
	void onPaymentCompleted(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, SagaOutcomeMapper::paymentCompleted, this.transitions::apply);
	}

	@KafkaListener(id = "order-payment-failed", idIsGroup = false, topics = Topics.PAYMENT_FAILED)
	void onPaymentFailed(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, SagaOutcomeMapper::paymentFailed, this.transitions::apply);
	}

}
