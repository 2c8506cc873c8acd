package io.orderflow.order.messaging;

import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockReserved;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes the outcomes of inventory and payment. Each listener delegates and
 * acknowledges only after the handler's transaction committed.
 */
@Component
class SagaOutcomeListener {

	private final SagaOutcomeHandler handler;

	SagaOutcomeListener(SagaOutcomeHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = "order-stock-reserved", idIsGroup = false, topics = Topics.STOCK_RESERVED)
	void on(StockReserved event, Acknowledgment ack) {
		this.handler.on(event);
		ack.acknowledge();
	}

	@KafkaListener(id = "order-stock-rejected", idIsGroup = false, topics = Topics.STOCK_REJECTED)
	void on(StockRejected event, Acknowledgment ack) {
		this.handler.on(event);
		ack.acknowledge();
	}

	@KafkaListener(id = "order-payment-completed", idIsGroup = false, topics = Topics.PAYMENT_COMPLETED)
	void on(PaymentCompleted event, Acknowledgment ack) {
		this.handler.on(event);
		ack.acknowledge();
	}

	@KafkaListener(id = "order-payment-failed", idIsGroup = false, topics = Topics.PAYMENT_FAILED)
	void on(PaymentFailed event, Acknowledgment ack) {
		this.handler.on(event);
		ack.acknowledge();
	}

}
