package io.orderflow.order.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderId;
import io.orderflow.order.OrderLine;
import io.orderflow.order.OrderPlaced;
import io.orderflow.schemas.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboundEventMapperTest {

	private final OutboundEventMapper mapper = new OutboundEventMapper();

	@Test
	void orderPlacedBecomesAnOutboxRowKeyedByTheOrderOnItsTopic() {
		OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), new OrderId(UUID.randomUUID()),
				Instant.parse("2026-11-22T10:15:30.123Z"), "alice",
				List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)));

		OutboxEvent row = this.mapper.toOutbox(placed);

		assertThat(row.eventId()).isEqualTo(placed.eventId());
		assertThat(row.aggregateType()).isEqualTo("Order");
		assertThat(row.aggregateId()).isEqualTo(placed.orderId().value().toString());
		assertThat(row.topic()).isEqualTo(Topics.ORDER_PLACED);
		assertThat(row.eventType()).isEqualTo("OrderPlaced");
		assertThat(row.payload()).isEqualTo(io.orderflow.schemas.avro.OrderPlaced.newBuilder()
			.setEventId(placed.eventId())
			.setOrderId(placed.orderId().value())
			.setOccurredAt(placed.occurredAt())
			.setCustomerId("alice")
			.setLines(List.of(new io.orderflow.schemas.avro.OrderLine("SKU-1", 2),
					new io.orderflow.schemas.avro.OrderLine("SKU-2", 1)))
			.build());
	}

	@Test
	void refusesEventsWithoutAContract() {
		OrderEvent unknown = new OrderEvent() {
			@Override
			public UUID eventId() {
				return UUID.randomUUID();
			}

			@Override
			public OrderId orderId() {
				return new OrderId(UUID.randomUUID());
			}

			@Override
			public Instant occurredAt() {
				return Instant.now();
			}
		};

		assertThatIllegalArgumentException().isThrownBy(() -> this.mapper.toOutbox(unknown));
	}

}
