package io.orderflow.inventory.messaging;

import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.reservation.CancelReservation;
import io.orderflow.inventory.reservation.RequestedLine;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.service.OrderId;
import io.orderflow.testsupport.SagaEvents;
import org.junit.jupiter.api.Test;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Records that break the contract are never retried: they go straight to the dead-letter
 * topic.
 */
class InboundMapperTest {

	private final InboundMapper mapper = new InboundMapper();

	@Test
	void mapsOrderPlacedToAReservationCommandKeepingTheEventId() {
		OrderPlaced event = OrderPlaced.newBuilder(orderPlaced(new OrderLine("A", 2), new OrderLine("B", 1)))
			.setCustomerId("bob")
			.build();

		Inbound<ReserveStock> incoming = this.mapper.reserveStock(event);

		assertThat(incoming.eventId()).isEqualTo(event.getEventId());
		assertThat(incoming.command().orderId().value()).isEqualTo(event.getOrderId());
		assertThat(incoming.command().customerId()).isEqualTo("bob");
		assertThat(incoming.command().lines()).containsExactly(new RequestedLine(new Sku("A"), 2),
				new RequestedLine(new Sku("B"), 1));
	}

	@Test
	void mapsOrderCancelledToACancellationOfTheCustomersOrderKeepingTheEventId() {
		OrderCancelled event = SagaEvents.orderCancelled(UUID.randomUUID());

		Inbound<CancelReservation> incoming = this.mapper.cancelReservation(event);

		assertThat(incoming.eventId()).isEqualTo(event.getEventId());
		assertThat(incoming.command())
			.isEqualTo(new CancelReservation(new OrderId(event.getOrderId()), SagaEvents.CUSTOMER));
	}

	@Test
	void orderCancelledWithoutCustomerOrOfAnotherTypeIsAContractViolation() {
		OrderCancelled anonymous = OrderCancelled.newBuilder(SagaEvents.orderCancelled(UUID.randomUUID()))
			.setCustomerId(" ")
			.build();

		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> this.mapper.cancelReservation(anonymous))
			.withMessageContaining("OrderCancelled of order " + anonymous.getOrderId());
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> this.mapper.cancelReservation(orderPlaced(new OrderLine("A", 1))))
			.withMessageContaining("expected OrderCancelled");
	}

	@Test
	void orderWithoutLinesOrWithANonPositiveQuantityOrBlankSkuIsAContractViolation() {
		for (OrderPlaced broken : List.of(orderPlaced(), orderPlaced(new OrderLine("A", 0)),
				orderPlaced(new OrderLine("A", -1)), orderPlaced(new OrderLine(" ", 1)),
				OrderPlaced.newBuilder(orderPlaced(new OrderLine("A", 1))).setCustomerId("").build())) {
			assertThatExceptionOfType(NonRetryableEventException.class)
				.isThrownBy(() -> this.mapper.reserveStock(broken))
				.withMessageContaining(broken.getOrderId().toString());
		}
	}

	@Test
	void tombstoneOrAnotherEventTypeOnTheTopicIsAContractViolation() {
		PaymentFailed other = SagaEvents.paymentFailed(java.util.UUID.randomUUID(),
				PaymentFailureReason.INSUFFICIENT_FUNDS, null);

		assertThatExceptionOfType(NonRetryableEventException.class).isThrownBy(() -> this.mapper.reserveStock(null))
			.withMessageContaining("tombstone");
		assertThatExceptionOfType(NonRetryableEventException.class).isThrownBy(() -> this.mapper.reserveStock(other))
			.withMessageContaining("expected OrderPlaced");
		assertThatExceptionOfType(NonRetryableEventException.class).isThrownBy(() -> this.mapper.confirmSale(other))
			.withMessageContaining("expected OrderConfirmed");
	}

}
