package io.orderflow.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.orderflow.order.PlaceOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's states: {@code PENDING} moves once, to {@code CONFIRMED} (payment
 * completed), {@code REJECTED} (stock rejected) or {@code CANCELLED} (payment failed, or
 * the saga deadline passed); a terminal order never moves again and registers no further
 * event, but every outcome still lands on its timeline. {@code StockReserved} only sets
 * the total.
 */
class OrderStateMachineTest {

	private static final Instant PLACED = Instant.parse("2026-12-02T10:00:00.000Z");

	private static final Instant LATER = PLACED.plusSeconds(1);

	private static final Money TOTAL = new Money(1_500, "EUR");

	@Test
	void stockReservedSetsTheTotalOnceAndLeavesTheOrderPending() {
		Order order = placed();

		order.stockReserved(TOTAL, LATER);
		order.stockReserved(new Money(9_999, "EUR"), LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualTo(TOTAL);
		assertThat(order.takeEvents()).isEmpty();
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED, SagaStep.STOCK_RESERVED);
	}

	@Test
	void paymentCompletedConfirmsAndRegistersOrderConfirmed() {
		Order order = placed();
		order.stockReserved(TOTAL, LATER);

		assertThat(order.confirm(TOTAL, LATER)).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderConfirmed.class, (confirmed) -> {
			assertThat(confirmed.orderId()).isEqualTo(order.id());
			assertThat(confirmed.customerId()).isEqualTo("alice");
			assertThat(confirmed.total()).isEqualTo(TOTAL);
			assertThat(confirmed.occurredAt()).isEqualTo(LATER);
			assertThat(confirmed.eventId()).isNotNull();
		});
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED, SagaStep.PAYMENT_COMPLETED,
					SagaStep.ORDER_CONFIRMED);
	}

	@Test
	void paymentCompletedBeforeStockReservedTakesTheChargedAmountAsTotal() {
		Order order = placed();

		order.confirm(TOTAL, LATER);
		order.stockReserved(new Money(1_400, "EUR"), LATER);

		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.total()).isEqualTo(TOTAL);
	}

	@Test
	void stockRejectedRejectsWithoutAnEvent() {
		Order order = placed();

		assertThat(order.reject("SKU-1: INSUFFICIENT_STOCK", LATER)).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.takeEvents()).isEmpty();
		assertThat(order.timeline()).last()
			.isEqualTo(new TimelineEntry(SagaStep.STOCK_REJECTED, LATER, "SKU-1: INSUFFICIENT_STOCK"));
	}

	@Test
	void paymentFailedCancelsAndRegistersOrderCancelledWithTheReason() {
		Order order = placed();

		assertThat(order.cancel("INSUFFICIENT_FUNDS: balance too low", LATER)).isTrue();

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, (cancelled) -> {
			assertThat(cancelled.orderId()).isEqualTo(order.id());
			assertThat(cancelled.reason()).isEqualTo("INSUFFICIENT_FUNDS: balance too low");
			assertThat(cancelled.occurredAt()).isEqualTo(LATER);
		});
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.PAYMENT_FAILED, SagaStep.ORDER_CANCELLED);
	}

	@Test
	void anOrderPendingPastItsDeadlineIsCancelledWithTheReasonAndRegistersOrderCancelled() {
		Order order = placed();
		Instant expiry = PLACED.plus(Duration.ofMinutes(10)).plusSeconds(3).plusMillis(250);

		assertThat(order.expire(Duration.ofMinutes(10), expiry)).isTrue();

		String reason = "saga deadline passed: still pending 10m 3s after it was placed (deadline 10m)";
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.timeline()).last().isEqualTo(new TimelineEntry(SagaStep.ORDER_CANCELLED, expiry, reason));
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.ORDER_CANCELLED);
		assertThat(order.takeEvents()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, (cancelled) -> {
			assertThat(cancelled.orderId()).isEqualTo(order.id());
			assertThat(cancelled.customerId()).isEqualTo("alice");
			assertThat(cancelled.reason()).isEqualTo(reason);
			assertThat(cancelled.occurredAt()).isEqualTo(expiry);
		});
	}

	@Test
	void theDeadlineReasonNamesHoursAndFractionsOfSeconds() {
		Order order = placed();

		order.expire(Duration.ofMillis(1_500), PLACED.plus(Duration.ofHours(1).plusMinutes(2)));

		assertThat(order.timeline()).last()
			.extracting(TimelineEntry::detail)
			.isEqualTo("saga deadline passed: still pending 1h 2m after it was placed (deadline 1.5s)");
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
	void aTerminalOrderNeverMovesAgainNorRegistersEvents(OrderStatus terminal) {
		Order order = inState(terminal);
		List<TimelineEntry> before = order.timeline();

		assertThat(order.expire(Duration.ofSeconds(1), LATER.plusSeconds(60))).isFalse();
		assertThat(order.timeline()).as("the deadline leaves a terminal order as it is").isEqualTo(before);
		assertThat(order.confirm(TOTAL, LATER)).isFalse();
		assertThat(order.reject("late", LATER)).isFalse();
		assertThat(order.cancel("late", LATER)).isFalse();

		assertThat(order.status()).isEqualTo(terminal);
		assertThat(order.takeEvents()).isEmpty();
		assertThat(order.timeline()).hasSize(before.size() + 3)
			.extracting(TimelineEntry::step)
			.endsWith(SagaStep.PAYMENT_COMPLETED, SagaStep.STOCK_REJECTED, SagaStep.PAYMENT_FAILED);
	}

	@Test
	void aVeryLongReasonIsCutOnTheTimelineButNotInTheEvent() {
		Order order = placed();
		String reason = "x".repeat(600);

		order.cancel(reason, LATER);

		assertThat(order.timeline()).last()
			.satisfies((entry) -> assertThat(entry.detail()).hasSize(500).endsWith("..."));
		assertThat(order.takeEvents()).singleElement()
			.isInstanceOfSatisfying(OrderCancelled.class,
					(cancelled) -> assertThat(cancelled.reason()).isEqualTo(reason));
	}

	private static Order placed() {
		Order order = Order.place(anOrder().customerId("alice").line("SKU-1", 2).build(), PLACED);
		order.takeEvents();
		return order;
	}

	private static Order inState(OrderStatus status) {
		Order order = placed();
		switch (status) {
			case CONFIRMED -> order.confirm(TOTAL, LATER);
			case REJECTED -> order.reject("no stock", LATER);
			case CANCELLED -> order.cancel("no funds", LATER);
			default -> throw new IllegalArgumentException(status.name());
		}
		order.takeEvents();
		return order;
	}

}
