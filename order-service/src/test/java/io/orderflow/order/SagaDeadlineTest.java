package io.orderflow.order;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionOperations;

import static io.orderflow.order.PlaceOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every saga ends: an order still {@code PENDING} two seconds (the deadline here) after
 * it was placed is cancelled, with the reason on its timeline and one
 * {@code OrderCancelled} in the outbox; an order whose outcome came in time, or whose
 * outcome holds the order at the deadline, is left alone; an outcome that comes after the
 * cancellation only adds to the timeline. "The deadline has been looked at since" is
 * known without sleeping: a witness order placed later has been cancelled.
 */
@SpringBootTest(
		properties = { "orderflow.orders.saga-deadline=2s", "orderflow.orders.saga-deadline-check-interval=200ms" })
@RealInfrastructure
@DirtiesContext
class SagaDeadlineTest {

	private static final Money TOTAL = new Money(1_500, "EUR");

	@Autowired
	OrderService orders;

	@Autowired
	OrderSaga saga;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	Scenario scenario;

	@Autowired
	MeterRegistry meters;

	@Test
	void anOrderStillPendingAtItsDeadlineEndsCancelledWithTheReasonOnItsTimelineAndOneOrderCancelled() {
		double expiredBefore = counter("orderflow.orders.expired");
		double cancelledBefore = this.meters.counter("orderflow.orders.completed", "status", "CANCELLED").count();
		OrderId id = place();

		OrderView order = awaitCancelled(id);

		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.ORDER_CANCELLED);
		String reason = order.timeline().get(1).detail();
		assertThat(reason).startsWith("saga deadline passed: still pending ")
			.endsWith(" after it was placed (deadline 2s)");
		assertThat(Duration.between(order.createdAt(), order.timeline().get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		awaitCancelled(place());
		List<OutboxRows.Row> outbox = this.scenario.outbox().forAggregate(id);
		assertThat(outbox).extracting(OutboxRows.Row::eventType).containsExactly("OrderPlaced", "OrderCancelled");
		assertThat(outbox.get(1).topic()).isEqualTo(Topics.ORDER_CANCELLED);
		assertThat(outbox.get(1).payload()).isInstanceOfSatisfying(OrderCancelled.class, (cancelled) -> {
			assertThat(cancelled.getEventId()).isEqualTo(outbox.get(1).eventId());
			assertThat(cancelled.getOrderId()).isEqualTo(id.value());
			assertThat(cancelled.getCustomerId()).isEqualTo(order.customerId());
			assertThat(cancelled.getReason()).isEqualTo(reason);
			assertThat(cancelled.getOccurredAt()).isEqualTo(order.timeline().get(1).at());
		});
		await().untilAsserted(() -> {
			assertThat(counter("orderflow.orders.expired")).isGreaterThanOrEqualTo(expiredBefore + 2);
			assertThat(this.meters.counter("orderflow.orders.completed", "status", "CANCELLED").count())
				.isGreaterThanOrEqualTo(cancelledBefore + 2);
		});
	}

	@Test
	void anOrderWhoseOutcomeCameBeforeItsDeadlineIsLeftAlone() {
		OrderId id = place();
		apply(new SagaOutcome.StockReserved(id, TOTAL, SagaEvents.now()));
		apply(new SagaOutcome.PaymentCompleted(id, TOTAL, SagaEvents.now()));

		awaitCancelled(place());

		OrderView order = this.orders.find(id).orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.timeline()).extracting(TimelineEntry::step).doesNotContain(SagaStep.ORDER_CANCELLED);
		assertThat(this.scenario.outbox().forAggregate(id)).extracting(OutboxRows.Row::eventType)
			.containsExactly("OrderPlaced", "OrderConfirmed");
	}

	@Test
	void anOutcomeHoldingTheOrderWhenItsDeadlinePassesWinsAndTheDeadlineSkipsTheOrder() {
		OrderId id = place();
		OrderId witness = place();

		this.transactions.executeWithoutResult((status) -> {
			// the order row stays locked until this transaction commits
			this.saga.apply(new SagaOutcome.PaymentCompleted(id, TOTAL, SagaEvents.now()));
			// placed after the order: once it is cancelled, the order's deadline was
			// looked at while the order was locked
			awaitCancelled(witness);
		});

		awaitCancelled(place());
		assertThat(this.orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(this.scenario.outbox().forAggregate(id)).extracting(OutboxRows.Row::eventType)
			.containsExactly("OrderPlaced", "OrderConfirmed");
	}

	@Test
	void anOutcomeArrivingAfterTheCancellationOnlyAddsToTheTimeline() {
		OrderId id = place();
		awaitCancelled(id);

		this.scenario.send(Topics.PAYMENT_COMPLETED, SagaEvents.paymentCompleted(id.value(), 1_500))
			.andAwaitProcessed();

		OrderView order = this.orders.find(id).orElseThrow();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.ORDER_CANCELLED, SagaStep.PAYMENT_COMPLETED);
		assertThat(this.scenario.outbox().forAggregate(id)).extracting(OutboxRows.Row::eventType)
			.containsExactly("OrderPlaced", "OrderCancelled");
	}

	private OrderId place() {
		return this.orders.place(anOrder().line("SKU-1", 2).build()).order().id();
	}

	private void apply(SagaOutcome outcome) {
		this.transactions.executeWithoutResult((status) -> this.saga.apply(outcome));
	}

	private OrderView awaitCancelled(OrderId id) {
		return await().atMost(Scenario.TIMEOUT)
			.until(() -> this.orders.find(id).orElseThrow(), (order) -> order.status() == OrderStatus.CANCELLED);
	}

	private double counter(String name) {
		return this.meters.counter(name).count();
	}

}
