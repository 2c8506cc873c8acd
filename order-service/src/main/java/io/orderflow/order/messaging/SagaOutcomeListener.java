package io.orderflow.order.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.EventPipeline;
import io.orderflow.messaging.consumer.TopicMappings;
import io.orderflow.order.OrderSaga;
import io.orderflow.order.SagaOutcome;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes the outcomes of inventory and payment: one listener for the four topics, so
 * that one poll (one batch, one transaction) takes whatever arrived on any of them. Each
 * topic names its mapping; the {@link EventPipeline} deduplicates, applies the outcomes
 * to their orders in one transaction and acknowledges after commit.
 */
@Component
class SagaOutcomeListener {

	/** Listener container id (not the consumer group, which comes from configuration). */
	static final String ID = "order-saga-outcomes";

	private static final TopicMappings<SagaOutcome> MAPPINGS = TopicMappings
		.of(Topics.STOCK_RESERVED, SagaOutcomeMapper::stockReserved)
		.and(Topics.STOCK_REJECTED, SagaOutcomeMapper::stockRejected)
		.and(Topics.PAYMENT_COMPLETED, SagaOutcomeMapper::paymentCompleted)
		.and(Topics.PAYMENT_FAILED, SagaOutcomeMapper::paymentFailed);

	private final EventPipeline pipeline;

	private final OrderSaga transitions;

	SagaOutcomeListener(EventPipeline pipeline, OrderSaga transitions) {
		this.pipeline = pipeline;
		this.transitions = transitions;
	}

	@KafkaListener(id = ID, idIsGroup = false,
			topics = { Topics.STOCK_RESERVED, Topics.STOCK_REJECTED, Topics.PAYMENT_COMPLETED, Topics.PAYMENT_FAILED })
	void on(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
		this.pipeline.process(records, ack, MAPPINGS, this.transitions::apply);
	}

}
