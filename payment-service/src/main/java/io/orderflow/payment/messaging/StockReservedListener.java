package io.orderflow.payment.messaging;

import io.orderflow.payment.payment.Payments;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.StockReserved;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Charges orders whose stock was reserved. Maps and delegates; failures go to the
 * container's error handler (retry, then the dead-letter topic). The offset is committed
 * only after {@link Payments#charge} returned, i.e. after its transaction committed: a
 * crash in between redelivers the record, which then changes nothing.
 */
@Component
class StockReservedListener {

	/** Listener container id (not the consumer group, which comes from configuration). */
	static final String ID = "payment-stock-reserved";

	private final Payments payments;

	StockReservedListener(Payments payments) {
		this.payments = payments;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.STOCK_RESERVED)
	void on(ConsumerRecord<String, @Nullable StockReserved> record, Acknowledgment ack) {
		this.payments.charge(StockReservedMapper.toCommand(record.value()));
		ack.acknowledge();
	}

}
