package io.orderflow.inventory.messaging;

import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The saga events the inventory reacts to. Each listener maps and delegates; it
 * acknowledges the record (the offset is committed at once) only after the handler's
 * transaction has committed, so a crash in between redelivers the record, which the
 * handler recognizes by its event id. Failures propagate to the error handler: retried
 * with backoff, then {@code <topic>.dlt}; contract violations and undecodable records go
 * there without retry.
 */
@Component
class SagaListener {

	/** Listener (container) ids, e.g. for health details and tests. */
	static final String ORDER_PLACED = "inventory.order-placed";

	static final String PAYMENT_FAILED = "inventory.payment-failed";

	static final String ORDER_CONFIRMED = "inventory.order-confirmed";

	private final InboundMapper inbound;

	private final SagaEventHandler handler;

	SagaListener(InboundMapper inbound, SagaEventHandler handler) {
		this.inbound = inbound;
		this.handler = handler;
	}

	@KafkaListener(id = ORDER_PLACED, idIsGroup = false, topics = Topics.ORDER_PLACED)
	void onOrderPlaced(ConsumerRecord<String, @Nullable Object> record, Acknowledgment ack) {
		this.handler.reserve(this.inbound.reserveStock(record.value()));
		ack.acknowledge();
	}

	@KafkaListener(id = PAYMENT_FAILED, idIsGroup = false, topics = Topics.PAYMENT_FAILED)
	void onPaymentFailed(ConsumerRecord<String, @Nullable Object> record, Acknowledgment ack) {
		this.handler.release(this.inbound.releaseStock(record.value()));
		ack.acknowledge();
	}

	@KafkaListener(id = ORDER_CONFIRMED, idIsGroup = false, topics = Topics.ORDER_CONFIRMED)
	void onOrderConfirmed(ConsumerRecord<String, @Nullable Object> record, Acknowledgment ack) {
		this.handler.confirm(this.inbound.confirmSale(record.value()));
		ack.acknowledge();
	}

}
