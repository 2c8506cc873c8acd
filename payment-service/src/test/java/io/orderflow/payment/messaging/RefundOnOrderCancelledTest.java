package io.orderflow.payment.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.SagaRecords;
import io.orderflow.testsupport.TestProducer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.orderflow.testsupport.SagaEvents.orderCancelled;
import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code OrderCancelled} on the real topic: a charged order is refunded exactly once (the
 * balance restored, nothing published), an order cancelled before its
 * {@code StockReserved} arrived is never charged, one whose charge failed changes
 * nothing; and in any interleaving each balance is its opening balance less the completed
 * charges.
 */
@PaymentServiceTest
class RefundOnOrderCancelledTest extends SagaTestSupport {

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void orderCancelledAfterACompletedChargeRefundsItOnceAndPublishesNothing() {
		String customer = this.database.openAccount("alice", 10_000, "EUR");
		StockReserved reserved = stockReserved(customer).totaling(2_500).build();
		this.scenario.send(Topics.STOCK_RESERVED, reserved).andAwaitProcessed();
		assertThat(this.database.balance(customer)).isEqualTo(7_500);
		double refundsBefore = payments("refunded");
		OrderCancelled cancelled = orderCancelled(reserved.getOrderId(), customer);

		this.scenario.send(Topics.ORDER_CANCELLED, cancelled).andAwaitProcessed();
		assertThat(this.database.balance(customer)).isEqualTo(10_000);
		this.scenario.send(Topics.ORDER_CANCELLED, cancelled).andAwaitRedelivered();
		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(reserved.getOrderId(), customer)).andAwaitProcessed();

		assertThat(this.database.balance(customer)).isEqualTo(10_000);
		assertThat(this.database.paymentState(reserved.getOrderId())).contains("REFUNDED 2500 EUR refunded");
		assertThat(this.database.payment(reserved.getOrderId()).orElseThrow().detail())
			.isEqualTo("refunded, order cancelled: saga deadline of 10m passed");
		assertThat(this.database.outbox(reserved.getOrderId())).extracting(OutboxRows.Row::eventType)
			.containsExactly("PaymentCompleted");
		await().untilAsserted(() -> {
			assertThat(payments("refunded")).isEqualTo(refundsBefore + 1);
			assertThat(ignored("OrderCancelled", "duplicate")).isPositive();
		});
	}

	@Test
	void orderCancelledBeforeStockReservedKeepsTheOrderFromBeingChargedAndPublishesNothing() {
		String customer = this.database.openAccount("bob", 10_000, "EUR");
		StockReserved reserved = stockReserved(customer).totaling(2_500).build();
		double ignoredBefore = ignored("StockReserved", "cancelled");

		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(reserved.getOrderId(), customer)).andAwaitProcessed();
		assertThat(this.database.paymentState(reserved.getOrderId())).contains("CANCELLED - -");
		this.scenario.send(Topics.STOCK_RESERVED, reserved).andAwaitProcessed();

		assertThat(this.database.balance(customer)).isEqualTo(10_000);
		assertThat(this.database.paymentState(reserved.getOrderId())).contains("CANCELLED - -");
		assertThat(this.database.outbox(reserved.getOrderId())).isEmpty();
		await().untilAsserted(() -> assertThat(ignored("StockReserved", "cancelled")).isEqualTo(ignoredBefore + 1));
	}

	@Test
	void orderCancelledAfterAFailedChargeChangesNothing() {
		String customer = this.database.openAccount("carol", 100, "EUR");
		StockReserved reserved = stockReserved(customer).totaling(500).build();
		this.scenario.send(Topics.STOCK_RESERVED, reserved).andAwaitProcessed();
		double refundsBefore = payments("refunded");

		this.scenario.send(Topics.ORDER_CANCELLED, orderCancelled(reserved.getOrderId(), customer)).andAwaitProcessed();

		assertThat(this.database.balance(customer)).isEqualTo(100);
		assertThat(this.database.paymentState(reserved.getOrderId())).contains("FAILED 500 EUR -");
		assertThat(this.database.outbox(reserved.getOrderId())).extracting(OutboxRows.Row::eventType)
			.containsExactly("PaymentFailed");
		await().untilAsserted(() -> assertThat(ignored("OrderCancelled", "failed")).isPositive());
		assertThat(payments("refunded")).isEqualTo(refundsBefore);
	}

	/**
	 * Forty orders of one account, most of them cancelled, each order's two events sent
	 * in either order on every partition: however the listener's consumers interleave
	 * them, the balance is the opening balance less exactly the charges that stand
	 * ({@code COMPLETED}), no cancelled order stays charged, and no refund is given
	 * twice.
	 */
	@Test
	void chargesAndCancellationsInAnyInterleavingLeaveTheOpeningBalanceLessTheChargesThatStand() {
		TestProducer topics = this.scenario.awaitListeners().producer();
		String customer = this.database.openAccount("dave", 20_000, "EUR");
		Random random = new Random(5);
		List<UUID> cancelled = new ArrayList<>();
		List<SpecificRecord> sent = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			StockReserved reserved = stockReserved(customer).totaling(300 + random.nextInt(700)).build();
			List<SpecificRecord> ofOrder = new ArrayList<>(List.of(reserved));
			if (random.nextInt(4) != 0) {
				cancelled.add(reserved.getOrderId());
				ofOrder.add(orderCancelled(reserved.getOrderId(), customer));
			}
			java.util.Collections.shuffle(ofOrder, random);
			sent.addAll(ofOrder);
		}

		for (SpecificRecord event : sent) {
			topics.send((event instanceof StockReserved) ? Topics.STOCK_RESERVED : Topics.ORDER_CANCELLED, event);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> sent.stream().allMatch(this::processed));

		long standing = this.jdbc
			.sql("SELECT coalesce(sum(amount_minor), 0) FROM payments WHERE customer_id = ? AND status = 'COMPLETED'")
			.param(customer)
			.query(Long.class)
			.single();
		assertThat(this.database.balance(customer)).isEqualTo(20_000 - standing);
		for (UUID orderId : cancelled) {
			assertThat(this.database.paymentState(orderId)).as("cancelled order %s", orderId)
				.hasValueSatisfying((state) -> assertThat(state).doesNotStartWith("COMPLETED"));
		}
		long refunded = this.jdbc.sql("SELECT count(*) FROM payments WHERE customer_id = ? AND status = 'REFUNDED'")
			.param(customer)
			.query(Long.class)
			.single();
		assertThat(refunded).isLessThanOrEqualTo(cancelled.size());
	}

	private boolean processed(SpecificRecord event) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?")
			.param(SagaRecords.eventId(event))
			.query(Long.class)
			.single() == 1;
	}

	private double payments(String outcome) {
		return this.meters.counter("orderflow.payments", "outcome", outcome, "reason", "none").count();
	}

	private double ignored(String event, String reason) {
		return this.meters.counter("orderflow.saga.events.ignored", "event", event, "reason", reason).count();
	}

}
