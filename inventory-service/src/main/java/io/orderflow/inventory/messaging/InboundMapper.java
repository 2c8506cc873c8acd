package io.orderflow.inventory.messaging;

import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.reservation.CancelReservation;
import io.orderflow.inventory.reservation.ConfirmSale;
import io.orderflow.inventory.reservation.ReleaseStock;
import io.orderflow.inventory.reservation.RequestedLine;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.service.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Avro -> domain commands. A record that breaks the contract (no value, another event
 * type than the topic carries, an order without lines, a quantity below 1, a blank SKU or
 * customer) can never be processed as it is: {@link NonRetryableEventException}, straight
 * to the dead-letter topic.
 */
@Component
class InboundMapper {

	Inbound<ReserveStock> reserveStock(@Nullable Object value) {
		OrderPlaced event = Inbound.expect(OrderPlaced.class, value);
		require(!event.getLines().isEmpty(), "OrderPlaced", event.getOrderId(), "has no lines");
		require(!event.getCustomerId().isBlank(), "OrderPlaced", event.getOrderId(), "has no customer id");
		List<RequestedLine> lines = event.getLines().stream().map((line) -> line(event, line)).toList();
		return new Inbound<>(event.getEventId(),
				new ReserveStock(new OrderId(event.getOrderId()), event.getCustomerId(), lines));
	}

	Inbound<ReleaseStock> releaseStock(@Nullable Object value) {
		PaymentFailed event = Inbound.expect(PaymentFailed.class, value);
		return new Inbound<>(event.getEventId(), new ReleaseStock(new OrderId(event.getOrderId())));
	}

	Inbound<ConfirmSale> confirmSale(@Nullable Object value) {
		OrderConfirmed event = Inbound.expect(OrderConfirmed.class, value);
		return new Inbound<>(event.getEventId(), new ConfirmSale(new OrderId(event.getOrderId())));
	}

	Inbound<CancelReservation> cancelReservation(@Nullable Object value) {
		OrderCancelled event = Inbound.expect(OrderCancelled.class, value);
		require(!event.getCustomerId().isBlank(), "OrderCancelled", event.getOrderId(), "has no customer id");
		return new Inbound<>(event.getEventId(),
				new CancelReservation(new OrderId(event.getOrderId()), event.getCustomerId()));
	}

	private static RequestedLine line(OrderPlaced event, OrderLine line) {
		require(!line.getSku().isBlank(), "OrderPlaced", event.getOrderId(), "has a line without SKU");
		require(line.getQuantity() > 0, "OrderPlaced", event.getOrderId(),
				"asks for " + line.getQuantity() + " units of " + line.getSku());
		return new RequestedLine(new Sku(line.getSku()), line.getQuantity());
	}

	private static void require(boolean condition, String event, UUID orderId, String violation) {
		if (!condition) {
			throw new NonRetryableEventException(event + " of order " + orderId + " " + violation);
		}
	}

}
