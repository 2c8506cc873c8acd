package io.orderflow.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.orderflow.order.PlaceOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

	@Test
	void placedOrderIsPendingWithoutTotalAndStartsItsTimelineWithOrderPlaced() {
		Order order = Order.place(anOrder().customerId("alice").line("A", 2).line("B", 1).build(), NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isNull();
		assertThat(order.createdAt()).isEqualTo(NOW);
		assertThat(order.lines()).containsExactly(new OrderLine("A", 2), new OrderLine("B", 1));
		assertThat(order.timeline()).containsExactly(new TimelineEntry(SagaStep.ORDER_PLACED, NOW, "2 lines, 3 units"));
	}

	@Test
	void placingRegistersOneOrderPlacedEventWithTheOrdersData() {
		Order order = Order.place(anOrder().customerId("alice").line("A", 2).build(), NOW);

		List<OrderEvent> events = order.takeEvents();

		assertThat(events).singleElement().isInstanceOfSatisfying(OrderPlaced.class, (placed) -> {
			assertThat(placed.orderId()).isEqualTo(order.id());
			assertThat(placed.occurredAt()).isEqualTo(NOW);
			assertThat(placed.customerId()).isEqualTo("alice");
			assertThat(placed.lines()).containsExactly(new OrderLine("A", 2));
			assertThat(placed.eventId()).isNotNull();
		});
		assertThat(order.takeEvents()).as("taken once").isEmpty();
	}

	@Test
	void anOrderRecognisesOnlyTheRequestThatPlacedIt() {
		PlaceOrder request = anOrder().customerId("alice").line("A", 2).idempotencyKey("key-1").build();
		Order order = Order.place(request, NOW);

		assertThat(order.wasPlacedBy(anOrder().customerId("alice").line("A", 2).idempotencyKey("key-1").build()))
			.isTrue();
		assertThat(order.wasPlacedBy(anOrder().customerId("alice").line("A", 3).idempotencyKey("key-1").build()))
			.isFalse();
	}

	@Test
	void orderIdsParseCanonicalUuids() {
		assertThat(OrderId.parse("0b7e4a5c-3f5e-4d57-9a43-6c1f3d7f2b10"))
			.contains(new OrderId(UUID.fromString("0b7e4a5c-3f5e-4d57-9a43-6c1f3d7f2b10")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1-2-3-4-5", "not-a-uuid", "" })
	void orderIdsParseNothingElse(String text) {
		assertThat(OrderId.parse(text)).isEmpty();
	}

}
