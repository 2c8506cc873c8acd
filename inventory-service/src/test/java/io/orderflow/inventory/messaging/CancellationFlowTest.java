package io.orderflow.inventory.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.ReleasedLine;
import io.orderflow.schemas.avro.StockReleased;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.SagaRecords;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.testsupport.SagaEvents.orderCancelled;
import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code OrderCancelled} (an order whose saga deadline passed, or whose payment failed)
 * releases the order's reservation exactly once, whatever else arrives for the order and
 * in whichever order: the topics are not ordered relative to each other, so the
 * cancellation may even overtake the {@code OrderPlaced}, and then the order reserves
 * nothing.
 */
@InventoryIntegrationTest
class CancellationFlowTest extends SagaTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void orderCancelledReleasesTheReservationOnceAndNeitherItsRedeliveryNorALaterPaymentFailedReleasesAgain() {
		String first = stocked(10);
		String second = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(second, 1), new OrderLine(first, 2), new OrderLine(second, 3));
		place(order);
		assertThat(this.database.stock(second)).isEqualTo(new StockLevel(6, 4));
		double releasedBefore = reservations("released");
		double duplicatesBefore = ignored("PaymentFailed", "duplicate");
		OrderCancelled cancelled = orderCancelled(order.getOrderId());

		this.scenario.send(Topics.ORDER_CANCELLED, cancelled).andAwaitProcessed();
		this.scenario.send(Topics.ORDER_CANCELLED, cancelled).andAwaitRedelivered();
		this.scenario
			.send(Topics.PAYMENT_FAILED,
					SagaEvents.paymentFailed(order.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS, null))
			.andAwaitProcessed();

		List<OutboxRows.Row> rows = this.outbox.forAggregate(order.getOrderId());
		assertThat(rows).extracting(OutboxRows.Row::eventType).containsExactly("StockReserved", "StockReleased");
		assertThat(((StockReleased) rows.get(1).payload()).getLines())
			.containsExactlyInAnyOrder(new ReleasedLine(first, 2), new ReleasedLine(second, 4));
		assertThat(this.database.stock(first)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.stock(second)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RELEASED");
		await().untilAsserted(() -> {
			assertThat(reservations("released")).isEqualTo(releasedBefore + 1);
			assertThat(ignored("PaymentFailed", "duplicate")).isEqualTo(duplicatesBefore + 1);
		});
	}

	@Test
	void orderCancelledAfterPaymentFailedReleasedTheStockChangesNothing() {
		String sku = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(sku, 4));
		place(order);
		this.scenario
			.send(Topics.PAYMENT_FAILED,
					SagaEvents.paymentFailed(order.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS, null))
			.andAwaitProcessed();
		double duplicatesBefore = ignored("OrderCancelled", "duplicate");

		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(order.getOrderId())).andAwaitProcessed();

		assertThat(this.outbox.forAggregate(order.getOrderId())).extracting(OutboxRows.Row::eventType)
			.containsExactly("StockReserved", "StockReleased");
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(10, 0));
		await().untilAsserted(() -> assertThat(ignored("OrderCancelled", "duplicate")).isEqualTo(duplicatesBefore + 1));
	}

	@Test
	void orderCancelledBeforeOrderPlacedLeavesATombstoneAndTheOrderReservesNothingAndPublishesNothing() {
		String sku = stocked(10);
		UUID orderId = UUID.randomUUID();
		double tombstonesBefore = reservations("cancelled");
		double cancelledBefore = ignored("OrderPlaced", "cancelled");

		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(orderId)).andAwaitProcessed();
		assertThat(this.database.reservationStatus(orderId)).contains("CANCELLED");
		this.scenario.send(Topics.ORDER_PLACED, orderPlaced(orderId, new OrderLine(sku, 3))).andAwaitProcessed();

		assertThat(this.outbox.forAggregate(orderId)).isEmpty();
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.reservationStatus(orderId)).contains("CANCELLED");
		assertThat(this.database.reservationLines(orderId)).isEmpty();
		await().untilAsserted(() -> {
			assertThat(reservations("cancelled")).isEqualTo(tombstonesBefore + 1);
			assertThat(ignored("OrderPlaced", "cancelled")).isEqualTo(cancelledBefore + 1);
		});
	}

	@Test
	void orderCancelledForARejectedOrderChangesNothing() {
		OrderPlaced order = orderPlaced(new OrderLine("NOT-IN-CATALOGUE", 1));
		place(order);
		double rejectedBefore = ignored("OrderCancelled", "rejected");

		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(order.getOrderId())).andAwaitProcessed();

		assertThat(this.database.reservationStatus(order.getOrderId())).contains("REJECTED");
		assertThat(this.outbox.forAggregate(order.getOrderId())).extracting(OutboxRows.Row::eventType)
			.containsExactly("StockRejected");
		await().untilAsserted(() -> assertThat(ignored("OrderCancelled", "rejected")).isEqualTo(rejectedBefore + 1));
	}

	/**
	 * Orders placed, cancelled, failed, in every order the saga can deliver their events
	 * in, on every partition: whatever interleaving the listener sees, stock is conserved
	 * (available + reserved per SKU as defined, nothing sold here), exactly the units of
	 * the orders still {@code RESERVED} are reserved, no cancelled order keeps stock and
	 * none is released twice.
	 */
	@Test
	void cancellationsInAnyInterleavingWithPlacementsAndFailedPaymentsConserveStockAndReleaseOnce() {
		String a = stocked(20);
		String b = stocked(20);
		Random random = new Random(11);
		List<UUID> orderIds = new ArrayList<>();
		Map<UUID, Boolean> cancelled = new HashMap<>();
		List<SentEvent> events = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			UUID orderId = UUID.randomUUID();
			orderIds.add(orderId);
			List<SentEvent> ofOrder = new ArrayList<>();
			ofOrder.add(new SentEvent(Topics.ORDER_PLACED,
					orderPlaced(orderId, new OrderLine(a, 1 + random.nextInt(2)), new OrderLine(b, 1))));
			boolean cancel = random.nextInt(4) != 0;
			cancelled.put(orderId, cancel);
			if (cancel) {
				ofOrder.add(new SentEvent(Topics.ORDER_CANCELLED, orderCancelled(orderId)));
			}
			if (random.nextBoolean()) {
				ofOrder.add(new SentEvent(Topics.PAYMENT_FAILED,
						SagaEvents.paymentFailed(orderId, PaymentFailureReason.INSUFFICIENT_FUNDS, null)));
			}
			// the topics are independent: any of an order's events may come first
			java.util.Collections.shuffle(ofOrder, random);
			events.addAll(ofOrder);
		}

		events.forEach((event) -> send(event.topic(), SagaRecords.orderId(event.event()), event.event()));
		await().atMost(PROCESSING)
			.until(() -> events.stream().allMatch((event) -> this.database.processed(event.eventId())));

		StockLevel stockA = this.database.stock(a);
		StockLevel stockB = this.database.stock(b);
		assertThat(stockA.available() + stockA.reserved()).isEqualTo(20);
		assertThat(stockB.available() + stockB.reserved()).isEqualTo(20);
		Map<String, Long> reserved = this.database.reservedUnits(orderIds);
		assertThat(reserved.getOrDefault(a, 0L)).isEqualTo(stockA.reserved());
		assertThat(reserved.getOrDefault(b, 0L)).isEqualTo(stockB.reserved());
		for (UUID orderId : orderIds) {
			List<String> published = this.outbox.forAggregate(orderId).stream().map(OutboxRows.Row::eventType).toList();
			assertThat(published).as("events of order %s", orderId).doesNotHaveDuplicates();
			if (cancelled.get(orderId)) {
				assertThat(this.database.reservationStatus(orderId)).as("cancelled order %s", orderId)
					.hasValueSatisfying((status) -> assertThat(status).isIn("RELEASED", "CANCELLED", "REJECTED"));
			}
			if (published.contains("StockReleased")) {
				assertThat(published).startsWith("StockReserved");
			}
		}
	}

	private double reservations(String outcome) {
		return this.meters.counter("orderflow.inventory.reservations", "outcome", outcome).count();
	}

	private double ignored(String event, String reason) {
		return this.meters.counter("orderflow.saga.events.ignored", "event", event, "reason", reason).count();
	}

	/** A saga event and the topic it goes to. */
	private record SentEvent(String topic, SpecificRecord event) {

		UUID eventId() {
			return SagaRecords.eventId(this.event);
		}

	}

}
