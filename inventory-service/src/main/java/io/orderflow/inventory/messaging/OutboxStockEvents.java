package io.orderflow.inventory.messaging;

import java.util.UUID;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.reservation.PricedLine;
import io.orderflow.inventory.reservation.RejectedLine;
import io.orderflow.inventory.reservation.ReleasedLine;
import io.orderflow.inventory.reservation.StockEvent;
import io.orderflow.inventory.reservation.StockEvents;
import io.orderflow.inventory.reservation.StockRejected;
import io.orderflow.inventory.reservation.StockReleased;
import io.orderflow.inventory.reservation.StockReserved;
import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.StockRejectionReason;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.stereotype.Component;

/**
 * Domain events -> Avro outbox events. Aggregate: the order's {@value #AGGREGATE_TYPE},
 * whose id, the order id, becomes the Kafka key; the event id is the domain event's.
 */
@Component
class OutboxStockEvents implements StockEvents {

	private final OutboxWriter outbox;

	OutboxStockEvents(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	@Override
	public void append(StockEvent event) {
		this.outbox.append(toOutbox(event));
	}

	static final String AGGREGATE_TYPE = "Reservation";

	OutboxEvent toOutbox(StockEvent event) {
		UUID eventId = event.eventId();
		if (event instanceof StockReserved reserved) {
			return outbox(eventId, event, Topics.STOCK_RESERVED, reserved(eventId, reserved));
		}
		if (event instanceof StockRejected rejected) {
			return outbox(eventId, event, Topics.STOCK_REJECTED, rejected(eventId, rejected));
		}
		if (event instanceof StockReleased released) {
			return outbox(eventId, event, Topics.STOCK_RELEASED, released(eventId, released));
		}
		throw new IllegalArgumentException("unmapped event " + event.getClass());
	}

	private static OutboxEvent outbox(UUID eventId, StockEvent event, String topic, SpecificRecord payload) {
		return new OutboxEvent(eventId, AGGREGATE_TYPE, event.orderId().toString(), topic, payload);
	}

	private static io.orderflow.schemas.avro.StockReserved reserved(UUID eventId, StockReserved event) {
		return io.orderflow.schemas.avro.StockReserved.newBuilder()
			.setEventId(eventId)
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setCustomerId(event.customerId())
			.setLines(event.lines().stream().map(OutboxStockEvents::line).toList())
			.setTotal(money(event.total()))
			.build();
	}

	private static io.orderflow.schemas.avro.StockRejected rejected(UUID eventId, StockRejected event) {
		return io.orderflow.schemas.avro.StockRejected.newBuilder()
			.setEventId(eventId)
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setCustomerId(event.customerId())
			.setRejectedLines(event.rejectedLines().stream().map(OutboxStockEvents::line).toList())
			.build();
	}

	private static io.orderflow.schemas.avro.StockReleased released(UUID eventId, StockReleased event) {
		return io.orderflow.schemas.avro.StockReleased.newBuilder()
			.setEventId(eventId)
			.setOrderId(event.orderId().value())
			.setOccurredAt(event.occurredAt())
			.setLines(event.lines().stream().map(OutboxStockEvents::line).toList())
			.build();
	}

	private static io.orderflow.schemas.avro.PricedLine line(PricedLine line) {
		return new io.orderflow.schemas.avro.PricedLine(line.sku().value(), line.quantity(), money(line.unitPrice()),
				money(line.lineTotal()));
	}

	private static io.orderflow.schemas.avro.RejectedLine line(RejectedLine line) {
		return new io.orderflow.schemas.avro.RejectedLine(line.sku().value(), line.requested(), line.available(),
				StockRejectionReason.valueOf(line.reason().name()));
	}

	private static io.orderflow.schemas.avro.ReleasedLine line(ReleasedLine line) {
		return new io.orderflow.schemas.avro.ReleasedLine(line.sku().value(), line.quantity());
	}

	private static io.orderflow.schemas.avro.Money money(Money money) {
		return new io.orderflow.schemas.avro.Money(money.amountMinor(), money.currency());
	}

}
