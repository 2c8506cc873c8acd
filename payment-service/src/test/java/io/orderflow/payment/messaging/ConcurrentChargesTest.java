package io.orderflow.payment.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.payment.messaging.PaymentDatabase.PaymentRow;
import io.orderflow.payment.charge.ChargeOrder;
import io.orderflow.payment.charge.PaymentService;
import io.orderflow.schemas.Topics;
import io.orderflow.service.OrderId;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.TestProducer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders of one customer at once: the account row lock makes the charges wait for
 * each other, so the balance never goes below zero, every charge is taken exactly once,
 * and only charges the remaining balance cannot cover are refused.
 */
@PaymentServiceTest
class ConcurrentChargesTest extends SagaTestSupport {

	private static final long OPENING_BALANCE = 10_000;

	@Autowired
	PaymentService payments;

	@Autowired
	TransactionOperations transactions;

	@Test
	void concurrentStockReservedOfOneAccountNeverOverdrawIt() {
		TestProducer topic = this.scenario.awaitListeners().producer();
		String customer = this.database.openAccount("alice", OPENING_BALANCE, "EUR");
		Random amounts = new Random(42);
		List<StockReserved> orders = IntStream.range(0, 40)
			.mapToObj((i) -> stockReserved(customer).totaling(200 + amounts.nextInt(800)).build())
			.toList();

		topic.sendAll(Topics.STOCK_RESERVED, orders); // keyed by order: spread over
														// the partitions and their
		// consumers

		await().atMost(Duration.ofSeconds(60)).until(() -> this.database.paymentsOf(customer).size() == orders.size());
		List<PaymentRow> payments = assertChargesAddUp(this.database, customer);
		List<UUID> orderIds = orders.stream().map(StockReserved::getOrderId).toList();
		assertThat(this.database.outboxCount("PaymentCompleted", orderIds))
			.isEqualTo(payments.stream().filter((payment) -> payment.status().equals("COMPLETED")).count());
		assertThat(this.database.outboxCount("PaymentFailed", orderIds))
			.isEqualTo(payments.stream().filter((payment) -> payment.status().equals("FAILED")).count());
	}

	@Test
	void chargesOfOneAccountFromManyThreadsWaitForEachOther() {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			String customer = this.database.openAccount("bob", OPENING_BALANCE, "EUR");
			Random amounts = new Random(7);
			List<ChargeOrder> charges = IntStream.range(0, 40)
				.mapToObj((i) -> new ChargeOrder(new OrderId(UUID.randomUUID()), new CustomerId(customer),
						new Money(200 + amounts.nextInt(800), "EUR")))
				.toList();
			CountDownLatch start = new CountDownLatch(1);

			List<CompletableFuture<Void>> done = charges.stream().map((charge) -> CompletableFuture.runAsync(() -> {
				awaitStart(start);
				this.payments.charge(charge);
			}, threads)).toList();
			start.countDown();

			// no charge failed (e.g. on a lost update or an optimistic lock): all of them
			// queued on the row lock
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
			assertThat(this.database.paymentsOf(customer)).hasSize(charges.size());
			assertChargesAddUp(this.database, customer);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * As the consumer pipeline runs them: several charges per transaction, four batches
	 * at a time, over customers listed in every batch in varying order. Without the
	 * batch's first step (lock every account of the batch, in customer order) one batch
	 * holding a's account while waiting for c's and another holding c's while waiting for
	 * a's deadlock (PostgreSQL aborts one of them: 40P01).
	 */
	@Test
	void batchesChargingOverlappingAccountsNeverDeadlock() throws Exception {
		List<String> customers = List.of(this.database.openAccount("racer-a", 1_000_000, "EUR"),
				this.database.openAccount("racer-b", 1_000_000, "EUR"),
				this.database.openAccount("racer-c", 1_000_000, "EUR"));
		int[][] orders = { { 0, 1, 2 }, { 2, 1, 0 }, { 1, 2, 0 }, { 0, 2, 1 }, { 2, 0, 1 }, { 1, 0, 2 } };
		List<Callable<Integer>> batches = new ArrayList<>();
		for (int batch = 0; batch < 24; batch++) {
			List<ChargeOrder> charges = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				for (int customer : orders[(batch + i) % orders.length]) {
					charges.add(new ChargeOrder(new OrderId(UUID.randomUUID()), new CustomerId(customers.get(customer)),
							new Money(100, "EUR")));
				}
			}
			batches.add(() -> this.transactions.execute((status) -> {
				this.payments.lockAccountsFor(charges);
				charges.forEach(this.payments::apply);
				return charges.size();
			}));
		}

		int charged = 0;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<Integer> batch : pool.invokeAll(batches)) {
				charged += batch.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(charged).isEqualTo(24 * 6);
		for (String customer : customers) {
			assertThat(this.database.paymentsOf(customer)).hasSize(24 * 6 / 3)
				.allSatisfy((payment) -> assertThat(payment.status()).isEqualTo("COMPLETED"));
			assertThat(this.database.balance(customer)).isEqualTo(1_000_000 - 100L * 24 * 6 / 3);
		}
	}

	private static List<PaymentRow> assertChargesAddUp(PaymentDatabase database, String customer) {
		List<PaymentRow> payments = database.paymentsOf(customer);
		long balance = database.balance(customer);
		long charged = payments.stream()
			.filter((payment) -> payment.status().equals("COMPLETED"))
			.mapToLong(PaymentRow::amountMinor)
			.sum();
		List<PaymentRow> refused = payments.stream().filter((payment) -> payment.status().equals("FAILED")).toList();
		assertThat(balance).isNotNegative().isEqualTo(OPENING_BALANCE - charged);
		assertThat(charged).as("the orders ask for more than the balance").isPositive();
		assertThat(refused).as("some orders exceed what is left").isNotEmpty();
		// the balance only shrinks: whatever was refused is more than what is left now
		assertThat(refused).allSatisfy((payment) -> {
			assertThat(payment.failureReason()).isEqualTo("INSUFFICIENT_FUNDS");
			assertThat(payment.amountMinor()).isGreaterThan(balance);
		});
		return payments;
	}

	private static void awaitStart(CountDownLatch start) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
