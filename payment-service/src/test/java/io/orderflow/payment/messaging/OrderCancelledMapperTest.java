package io.orderflow.payment.messaging;

import java.util.UUID;

import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.charge.CancelPayment;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.service.OrderId;
import org.junit.jupiter.api.Test;

import static io.orderflow.testsupport.SagaEvents.orderCancelled;
import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderCancelledMapperTest {

	@Test
	void mapsTheCancellationOfTheCustomersOrderKeepingTheEventIdAndTheReason() {
		OrderCancelled event = orderCancelled(UUID.randomUUID(), "alice");

		assertThat(OrderCancelledMapper.toInbound(event))
			.isEqualTo(new Inbound<>(event.getEventId(), new CancelPayment(new OrderId(event.getOrderId()),
					new CustomerId("alice"), "saga deadline of 10m passed")));
	}

	@Test
	void rejectsABlankOrOverlongCustomer() {
		for (String customer : new String[] { " ", "c".repeat(CustomerId.MAX_LENGTH + 1) }) {
			OrderCancelled event = orderCancelled(UUID.randomUUID(), customer);
			assertThatExceptionOfType(NonRetryableEventException.class)
				.isThrownBy(() -> OrderCancelledMapper.toInbound(event))
				.withMessageContaining(event.getOrderId().toString())
				.withMessageContaining("customer id");
		}
	}

	@Test
	void rejectsARecordWithoutValueOrWithAnotherEventType() {
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> OrderCancelledMapper.toInbound(null))
			.withMessageContaining("tombstone");
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> OrderCancelledMapper.toInbound(stockReserved("alice").build()))
			.withMessageContaining("expected OrderCancelled");
	}

}
