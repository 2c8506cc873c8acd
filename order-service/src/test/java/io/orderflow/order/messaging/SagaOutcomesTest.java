package io.orderflow.order.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.order.OrderId;
import io.orderflow.order.OrderLine;
import io.orderflow.order.OrderService;
import io.orderflow.order.OrderStatus;
import io.orderflow.order.OrderView;
import io.orderflow.order.PlaceOrder;
import io.orderflow.order.SagaStep;
import io.orderflow.order.TimelineEntry;
import io.orderflow.order.UnknownOrderException;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.RejectedLine;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockRejectionReason;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.Scenario;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SagaEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service consumes the saga outcomes from the real broker: each order reaches its
 * terminal state once, with the confirming or cancelling event in the outbox exactly once
 * even when an outcome is delivered twice (the second delivery is awaited, and changes
 * nothing); the confirming and cancelling events carry what the contract promises; an
 * outcome for an unknown order is dead-lettered without retries.
 */
@SpringBootTest(properties = { "orderflow.consumer.initial-interval=50ms", "orderflow.consumer.max-retries=2" })
@RealInfrastructure
@DirtiesContext
class SagaOutcomesTest {

	@Autowired
	OrderService orders;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	Scenario scenario;

	@Test
	void stockReservedThenPaymentCompletedConfirmsTheOrderOnceEvenWhenDeliveredTwice() {
		OrderId id = place();
		StockReserved reserved = SagaEvents.stockReserved(id.value(), "alice", 1_500);
		PaymentCompleted paid = SagaEvents.paymentCompleted(id.value(), 1_500);

		this.scenario.send(Topics.STOCK_RESERVED, reserved).andAwaitProcessed();
		this.scenario.send(Topics.PAYMENT_COMPLETED, paid).andAwaitProcessed();
		this.scenario.send(Topics.PAYMENT_COMPLETED, paid).andAwaitRedelivered();

		OrderView order = this.orders.find(id).orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.total()).isEqualTo(new io.orderflow.order.Money(1500, "EUR"));
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactlyInAnyOrder(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED, SagaStep.PAYMENT_COMPLETED,
					SagaStep.ORDER_CONFIRMED);
		List<OutboxRows.Row> outbox = this.scenario.outbox().forAggregate(id);
		assertThat(outbox).extracting(OutboxRows.Row::eventType).containsExactly("OrderPlaced", "OrderConfirmed");
		assertThat(outbox.get(1)).satisfies((row) -> {
			assertThat(row.topic()).isEqualTo(Topics.ORDER_CONFIRMED);
			assertThat(row.aggregateType()).isEqualTo("Order");
			assertThat(row.payload()).isInstanceOfSatisfying(OrderConfirmed.class, (confirmed) -> {
				assertThat(confirmed.getEventId()).isEqualTo(row.eventId()).isNotEqualTo(paid.getEventId());
				assertThat(confirmed.getOrderId()).isEqualTo(id.value());
				assertThat(confirmed.getCustomerId()).isEqualTo("alice");
				assertThat(confirmed.getTotal()).isEqualTo(new Money(1500L, "EUR"));
				assertThat(confirmed.getOccurredAt()).isEqualTo(paid.getOccurredAt());
			});
		});
	}

	@Test
	void stockRejectedRejectsTheOrderWithTheReasonOnTheTimeline() {
		OrderId id = place();
		StockRejected rejected = SagaEvents.stockRejected(id.value(),
				new RejectedLine("SKU-1", 2, 0, StockRejectionReason.INSUFFICIENT_STOCK));

		this.scenario.send(Topics.STOCK_REJECTED, rejected).andAwaitProcessed();
		this.scenario.send(Topics.STOCK_REJECTED, rejected).andAwaitRedelivered();

		OrderView order = this.orders.find(id).orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.STOCK_REJECTED);
		assertThat(order.timeline()).last()
			.satisfies((entry) -> assertThat(entry.detail()).contains("SKU-1", "INSUFFICIENT_STOCK"));
		assertThat(this.scenario.outbox().forAggregate(id)).extracting(OutboxRows.Row::eventType)
			.containsExactly("OrderPlaced");
	}

	@Test
	void paymentFailedCancelsTheOrderAndPublishesOrderCancelled() {
		OrderId id = place();
		PaymentFailed failed = SagaEvents.paymentFailed(id.value(), PaymentFailureReason.INSUFFICIENT_FUNDS,
				"balance too low");

		OrderCancelled cancelled = this.scenario.send(Topics.PAYMENT_FAILED, failed)
			.andAwaitOutbox(OrderCancelled.class);

		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
		List<OutboxRows.Row> outbox = this.scenario.outbox().forAggregate(id);
		assertThat(outbox).extracting(OutboxRows.Row::eventType).containsExactly("OrderPlaced", "OrderCancelled");
		assertThat(outbox.get(1).topic()).isEqualTo(Topics.ORDER_CANCELLED);
		assertThat(cancelled.getEventId()).isEqualTo(outbox.get(1).eventId()).isNotEqualTo(failed.getEventId());
		assertThat(cancelled.getOrderId()).isEqualTo(id.value());
		assertThat(cancelled.getCustomerId()).isEqualTo("alice");
		assertThat(cancelled.getReason()).isEqualTo("INSUFFICIENT_FUNDS: balance too low");
		assertThat(cancelled.getOccurredAt()).isEqualTo(failed.getOccurredAt());
	}

	@Test
	void anOutcomeForAnUnknownOrderIsDeadLetteredAtOnce() {
		OrderId unknown = new OrderId(UUID.randomUUID());
		this.scenario.send(Topics.PAYMENT_FAILED,
				PaymentFailed
					.newBuilder(SagaEvents.paymentFailed(unknown.value(), PaymentFailureReason.UNKNOWN_ACCOUNT, null))
					.setCustomerId("nobody")
					.build());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.deadLetters.list(Topics.PAYMENT_FAILED))
				.filteredOn((letter) -> unknown.toString().equals(letter.key()))
				.singleElement()
				.satisfies(
						(letter) -> assertThat(letter.exception()).isEqualTo(UnknownOrderException.class.getName())));
	}

	private OrderId place() {
		return this.orders.place(new PlaceOrder("alice", List.of(new OrderLine("SKU-1", 2)), null)).order().id();
	}

}
