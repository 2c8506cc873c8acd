package io.orderflow.payment.messaging;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.payment.messaging.PaymentDatabase.PaymentRow;
import io.orderflow.schemas.Topics;
import io.orderflow.testsupport.Scenario;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.StockReserved;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * StockReserved on the real topic -> the customer's account is charged (or not) once, and
 * the outcome is in the outbox, keyed by the order.
 */
@PaymentServiceTest
class ChargingOnStockReservedTest extends SagaTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void chargesTheOrderTotalWhenFundsSuffice() {
		String customer = this.database.openAccount("alice", 10_000, "EUR");
		StockReserved event = stockReserved(customer).line("SKU-1", 2, 1_250).line("SKU-2", 1, 999).build();

		this.scenario.send(Topics.STOCK_RESERVED, event);

		PaymentRow payment = awaitPayment(event);
		assertThat(payment.status()).isEqualTo("COMPLETED");
		assertThat(payment.amountMinor()).isEqualTo(3_499);
		assertThat(this.database.balance(customer)).isEqualTo(10_000 - 3_499);
		List<OutboxRows.Row> outbox = this.database.outbox(event.getOrderId());
		assertThat(outbox).singleElement().satisfies((row) -> {
			assertThat(row.route()).isEqualTo(new OutboxRows.Route("Payment", event.getOrderId().toString(),
					Topics.PAYMENT_COMPLETED, "PaymentCompleted"));
			assertThat(row.payload()).isInstanceOfSatisfying(PaymentCompleted.class, (completed) -> {
				assertThat(completed.getEventId()).isEqualTo(row.eventId()).isNotEqualTo(event.getEventId());
				assertThat(completed.getOrderId()).isEqualTo(event.getOrderId());
				assertThat(completed.getCustomerId()).isEqualTo(customer);
				assertThat(completed.getPaymentId()).isEqualTo(payment.paymentId());
				assertThat(completed.getAmount()).isEqualTo(new Money(3_499L, "EUR"));
				assertThat(completed.getOccurredAt()).isEqualTo(payment.createdAt().toInstant());
				assertThat(completed.getOccurredAt().getNano() % 1_000_000).isZero();
			});
		});
	}

	@Test
	void refusesWithInsufficientFundsAndLeavesTheBalance() {
		String customer = this.database.openAccount("bob", 500, "EUR");
		StockReserved event = stockReserved(customer).totaling(501).build();

		this.scenario.send(Topics.STOCK_RESERVED, event);

		assertFailed(event, PaymentFailureReason.INSUFFICIENT_FUNDS);
		assertThat(this.database.balance(customer)).isEqualTo(500);
	}

	@Test
	void refusesCustomersWithoutAnAccount() {
		StockReserved event = stockReserved("ghost-" + UUID.randomUUID()).totaling(100).build();

		this.scenario.send(Topics.STOCK_RESERVED, event);

		assertFailed(event, PaymentFailureReason.UNKNOWN_ACCOUNT);
	}

	@Test
	void refusesAnOrderInAnotherCurrencyThanTheAccount() {
		String customer = this.database.openAccount("carol", 50_000, "USD");
		StockReserved event = stockReserved(customer).currency("EUR").totaling(100).build();

		this.scenario.send(Topics.STOCK_RESERVED, event);

		assertFailed(event, PaymentFailureReason.CURRENCY_MISMATCH);
		assertThat(this.database.balance(customer)).isEqualTo(50_000);
	}

	@Test
	void redeliveredStockReservedChargesOnce() {
		String customer = this.database.openAccount("alice", 10_000, "EUR");
		StockReserved event = stockReserved(customer).totaling(2_000).build();

		this.scenario.send(Topics.STOCK_RESERVED, event).andAwaitProcessed();
		this.scenario.send(Topics.STOCK_RESERVED, event).andAwaitRedelivered();

		assertThat(this.database.balance(customer)).isEqualTo(8_000);
		assertThat(this.database.paymentsOf(customer)).hasSize(1);
		assertThat(this.database.outbox(event.getOrderId())).hasSize(1);
	}

	@Test
	void anotherStockReservedForAnOrderPaidBeforeChargesNothing() {
		String customer = this.database.openAccount("alice", 10_000, "EUR");
		StockReserved first = stockReserved(customer).totaling(2_000).build();
		StockReserved second = stockReserved(customer).orderId(first.getOrderId()).totaling(3_000).build();
		double paidBefore = duplicates("order");

		this.scenario.send(Topics.STOCK_RESERVED, first);
		this.scenario.send(Topics.STOCK_RESERVED, second);

		await().atMost(Scenario.TIMEOUT).until(() -> duplicates("order") == paidBefore + 1);
		assertThat(this.database.balance(customer)).isEqualTo(8_000);
		assertThat(this.database.outbox(first.getOrderId())).singleElement()
			.satisfies((row) -> assertThat(((PaymentCompleted) row.payload()).getAmount().getAmountMinor())
				.isEqualTo(2_000));
	}

	private PaymentRow awaitPayment(StockReserved event) {
		return await().atMost(Scenario.TIMEOUT)
			.until(() -> this.database.payment(event.getOrderId()), (payment) -> payment.isPresent())
			.orElseThrow();
	}

	private void assertFailed(StockReserved event, PaymentFailureReason reason) {
		PaymentRow payment = awaitPayment(event);
		assertThat(payment.status()).isEqualTo("FAILED");
		assertThat(payment.failureReason()).isEqualTo(reason.name());
		assertThat(this.database.outbox(event.getOrderId())).singleElement().satisfies((row) -> {
			assertThat(row.route()).isEqualTo(new OutboxRows.Route("Payment", event.getOrderId().toString(),
					Topics.PAYMENT_FAILED, "PaymentFailed"));
			assertThat(row.payload()).isInstanceOfSatisfying(PaymentFailed.class, (failed) -> {
				assertThat(failed.getEventId()).isEqualTo(row.eventId());
				assertThat(failed.getOrderId()).isEqualTo(event.getOrderId());
				assertThat(failed.getCustomerId()).isEqualTo(event.getCustomerId());
				assertThat(failed.getReason()).isEqualTo(reason);
				assertThat(failed.getAmount()).isEqualTo(event.getTotal());
				assertThat(failed.getDetail()).isNotBlank().contains(event.getCustomerId());
			});
		});
	}

	private double duplicates(String kind) {
		return this.meters.get("orderflow.payments.duplicates").tag("kind", kind).counter().count();
	}

}
