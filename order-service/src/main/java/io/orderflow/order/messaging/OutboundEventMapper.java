package io.orderflow.order.messaging;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.order.OrderCancelled;
import io.orderflow.order.OrderConfirmed;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderPlaced;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;

import org.springframework.stereotype.Component;

/**
 * Maps domain events to the outbox rows that carry them: the Avro contract, its topic,
 * and the order id as aggregate id (the Kafka record key).
 */
@Component
class OutboundEventMapper {

	/** Aggregate type of every row this service writes. */
	static final String AGGREGATE_TYPE = "Order";

	OutboxEvent toOutbox(OrderEvent event) {
		if (event instanceof OrderPlaced placed) {
			return outboxEvent(event, Topics.ORDER_PLACED, orderPlaced(placed));
		}
		if (event instanceof OrderConfirmed confirmed) {
			return outboxEvent(event, Topics.ORDER_CONFIRMED,
					io.orderflow.schemas.avro.OrderConfirmed.newBuilder()
						.setEventId(confirmed.eventId())
						.setOrderId(confirmed.orderId().value())
						.setOccurredAt(confirmed.occurredAt())
						.setCustomerId(confirmed.customerId())
						.setTotal(new io.orderflow.schemas.avro.Money(confirmed.total().amountMinor(),
								confirmed.total().currency()))
						.build());
		}
		if (event instanceof OrderCancelled cancelled) {
			return outboxEvent(event, Topics.ORDER_CANCELLED,
					io.orderflow.schemas.avro.OrderCancelled.newBuilder()
						.setEventId(cancelled.eventId())
						.setOrderId(cancelled.orderId().value())
						.setOccurredAt(cancelled.occurredAt())
						.setCustomerId(cancelled.customerId())
						.setReason(cancelled.reason())
						.build());
		}
		throw new IllegalArgumentException("No Avro contract for " + event.getClass().getName());
	}

	private static OutboxEvent outboxEvent(OrderEvent event, String topic,
			org.apache.avro.specific.SpecificRecord payload) {
		return new OutboxEvent(event.eventId(), AGGREGATE_TYPE, event.orderId().toString(), topic, payload);
	}

	private static io.orderflow.schemas.avro.OrderPlaced orderPlaced(OrderPlaced event) {
		return io.orderflow.schemas.avro.OrderPlaced.newBuilder()
			.setEventId(event.eventId())
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setCustomerId(event.customerId())
			.setLines(event.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList())
			.build();
	}

}
