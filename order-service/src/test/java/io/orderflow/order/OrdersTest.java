package io.orderflow.order;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import io.orderflow.messaging.consumer.JpaRecordBoundary;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.RowLocks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.order.PlaceOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order repository against the real PostgreSQL schema (a JPA slice: no web, no
 * Kafka): the mapping round-trips, idempotency keys are unique, loading for update locks
 * the row.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@RealInfrastructure
class OrdersTest {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123Z");

	@Autowired
	Orders orders;

	@Autowired
	DataSource dataSource;

	@Test
	void betweenTheRecordsOfABatchThePersistenceContextIsWrittenAndForgotten(@Autowired EntityManager entityManager,
			@Autowired EntityManagerFactory entityManagerFactory) {
		Order placed = Order.place(anOrder().customerId("batch").line("SKU-1", 1).build(), NOW);
		this.orders.save(placed);
		assertThat(entityManager.contains(placed)).isTrue();

		new JpaRecordBoundary(entityManagerFactory).afterRecord();

		assertThat(entityManager.contains(placed)).as("forgotten: the next record's flush does not check it").isFalse();
		assertThat(entityManager.createNativeQuery("SELECT count(*) FROM orders WHERE id = ?1", Long.class)
			.setParameter(1, placed.id().value())
			.getSingleResult()).as("written in the batch transaction").isEqualTo(1L);
	}

	@Test
	void thePlainReadOfAnOrderSeesWhatTheAggregateHolds() {
		Order placed = Order.place(anOrder().customerId("reader").line("SKU-2", 3).line("SKU-1", 1).build(), NOW);
		this.orders.saveAndFlush(placed);
		OrderReads reads = new OrderReads(JdbcClient.create(this.dataSource));
		assertThat(reads.find(placed.id())).contains(OrderView.of(placed));

		placed.stockReserved(new Money(2_400, "EUR"), NOW.plusMillis(1_001));
		placed.confirm(new Money(2_400, "EUR"), NOW.plusMillis(2_002));
		this.orders.saveAndFlush(placed);

		OrderView read = reads.find(placed.id()).orElseThrow();
		assertThat(read).isEqualTo(OrderView.of(placed));
		assertThat(read.lines()).as("in the order given")
			.containsExactly(new OrderLine("SKU-2", 3), new OrderLine("SKU-1", 1));
		assertThat(read.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED, SagaStep.PAYMENT_COMPLETED,
					SagaStep.ORDER_CONFIRMED);
		assertThat(read.timeline().get(3).detail()).as("a step without detail").isNull();
		assertThat(read.version()).isEqualTo(1);
		assertThat(reads.find(OrderId.random())).isEmpty();
	}

	@Test
	void anOrderRoundTripsWithItsLinesAndTimeline() {
		Order placed = Order.place(anOrder().customerId("alice").line("SKU-1", 2).line("SKU-2", 1).build(), NOW);
		placed.stockReserved(new Money(1_500, "EUR"), NOW.plusSeconds(1));
		this.orders.saveAndFlush(placed);

		Order read = this.orders.findById(placed.id().value()).orElseThrow();

		assertThat(read.customerId()).isEqualTo("alice");
		assertThat(read.lines()).containsExactly(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1));
		assertThat(read.total()).isEqualTo(new Money(1_500, "EUR"));
		assertThat(read.timeline()).extracting(TimelineEntry::step)
			.containsExactly(SagaStep.ORDER_PLACED, SagaStep.STOCK_RESERVED);
		assertThat(read.createdAt()).isEqualTo(NOW);
	}

	@Test
	void anIdempotencyKeyFindsItsOrderAndCannotBeUsedTwice() {
		Order first = this.orders.saveAndFlush(Order.place(anOrder().idempotencyKey("key-1").build(), NOW));

		assertThat(this.orders.findByIdempotencyKey("key-1")).map(Order::id).contains(first.id());
		assertThat(this.orders.findByIdempotencyKey("key-2")).isEmpty();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.orders.saveAndFlush(Order.place(anOrder().idempotencyKey("key-1").build(), NOW)));
	}

	@Test
	void aCustomersOrdersComePageByPage() {
		for (int i = 0; i < 3; i++) {
			this.orders.save(Order.place(anOrder().customerId("bob").build(), NOW.plusSeconds(i)));
		}
		this.orders.saveAndFlush(Order.place(anOrder().customerId("carol").build(), NOW));

		var page = this.orders.findByCustomerId("bob", PageRequest.of(0, 2, Sort.by("createdAt")));

		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(page.getContent()).hasSize(2).allSatisfy((order) -> assertThat(order.customerId()).isEqualTo("bob"));
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void loadingForUpdateLocksTheRowUntilTheTransactionEnds(@Autowired PlatformTransactionManager transactions) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		UUID id = transaction.execute((status) -> this.orders.saveAndFlush(Order.place(anOrder().build(), NOW)))
			.id()
			.value();

		transaction.executeWithoutResult((status) -> {
			assertThat(RowLocks.isLocked(this.dataSource, "orders", "id", id)).as("before").isFalse();
			this.orders.findForUpdate(id).orElseThrow();
			assertThat(RowLocks.isLocked(this.dataSource, "orders", "id", id)).as("while loaded for update").isTrue();
		});
		assertThat(RowLocks.isLocked(this.dataSource, "orders", "id", id)).as("after the commit").isFalse();
	}

}
