package io.orderflow.inventory.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.StockReserved;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record whose processing fails on a transient cause (here: a product row locked
 * elsewhere for longer than {@code lock_timeout}, on every attempt) is retried for as
 * long as the cause lasts, far beyond the retries an unclassified failure gets, and never
 * dead-lettered; the records behind it on its partition wait; once the lock is gone it is
 * applied once and they follow. A record that can never be read still goes to the
 * dead-letter topic at once. Other test classes of this JVM dead-letter records of the
 * same topic: every count here is of this test's key.
 */
@InventoryIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET lock_timeout = '300ms'")
class TransientFailureTest extends SagaTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void orderBlockedByALockedProductIsRetriedUntilTheLockIsGoneNeverDeadLetteredWhileTheOrdersBehindItWait()
			throws Exception {
		String blocked = stocked(10);
		String free = stocked(10);
		UUID key = UUID.randomUUID();
		OrderPlaced stuck = orderPlaced(key, new OrderLine(blocked, 2));
		OrderPlaced next = orderPlaced(new OrderLine(free, 1));
		double retriesBefore = transientRetries();

		try (Connection lock = lockProduct(blocked)) {
			this.producer.sendGarbage(Topics.ORDER_PLACED, key);
			send(Topics.ORDER_PLACED, key, stuck);
			send(Topics.ORDER_PLACED, key, next); // same key: same partition, behind it
			// max-retries is 2 here: an unclassified failure would be dead-lettered by
			// now
			await().atMost(PROCESSING).until(() -> transientRetries() - retriesBefore >= 6);
			assertThat(lettersOf(key)).as("only the garbage").hasSize(1);
			assertThat(this.outbox.forAggregate(stuck.getOrderId())).isEmpty();
			assertThat(this.outbox.forAggregate(next.getOrderId())).as("waits behind it").isEmpty();
			assertThat(this.database.stock(blocked)).isEqualTo(new StockLevel(10, 0));
			lock.rollback();
		}

		awaitOutbox(stuck.getOrderId(), 1);
		awaitOutbox(next.getOrderId(), 1);
		assertThat(this.outbox.single(stuck.getOrderId(), StockReserved.class).getOrderId())
			.isEqualTo(stuck.getOrderId());
		assertThat(this.database.stock(blocked)).isEqualTo(new StockLevel(8, 2));
		assertThat(this.database.stock(free)).isEqualTo(new StockLevel(9, 1));
		assertThat(lettersOf(key)).extracting(DeadLetter::exception)
			.containsExactly(NonRetryableEventException.class.getName());
	}

	private double transientRetries() {
		return this.meters.counter("orderflow.events.retries", "topic", Topics.ORDER_PLACED, "failure", "transient")
			.count();
	}

	/** This test's dead letters, oldest first (one key: one partition). */
	private List<DeadLetter> lettersOf(UUID key) {
		return this.deadLetters.list(Topics.ORDER_PLACED, key.toString());
	}

	/** Holds the product's row lock until the returned connection rolls back. */
	private Connection lockProduct(String sku) throws Exception {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM product WHERE sku = ? FOR UPDATE")) {
			select.setString(1, sku);
			select.executeQuery().close();
		}
		return connection;
	}

}
