package io.orderflow.inventory.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.StockReserved;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record whose processing keeps failing (here: a product row locked elsewhere for
 * longer than {@code lock_timeout}) goes to the dead-letter topic once the retries ran
 * out; replayed after the cause is fixed, it is processed once. Other test classes of
 * this JVM dead-letter records of the same topic, in any order: a replay may republish
 * theirs too, so every count here is of this test's key.
 */
@InventoryIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.connection-init-sql=SET lock_timeout = '300ms'")
class DeadLetterReplayTest extends SagaTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void orderThatFailedUntilRetriesRanOutIsProcessedOnceWhenReplayedAfterTheCauseIsFixed() throws Exception {
		String blocked = stocked(10);
		String free = stocked(10);
		UUID key = UUID.randomUUID();
		OrderPlaced stuck = orderPlaced(key, new OrderLine(blocked, 2));
		OrderPlaced next = orderPlaced(new OrderLine(free, 1));

		List<DeadLetter> letters;
		try (Connection lock = lockProduct(blocked)) {
			// the cause: another transaction holds the product row longer than
			// lock_timeout,
			// on every retry
			this.producer.sendGarbage(Topics.ORDER_PLACED, key);
			send(Topics.ORDER_PLACED, key, stuck);
			send(Topics.ORDER_PLACED, key, next);
			awaitOutbox(next.getOrderId(), 1);
			letters = deadLettersOf(Topics.ORDER_PLACED, key, 2);
			lock.rollback();
		}
		assertThat(PessimisticLockingFailureException.class.isAssignableFrom(Class.forName(letters.get(1).exception())))
			.as(letters.get(1).exception())
			.isTrue();
		assertThat(this.outbox.forAggregate(stuck.getOrderId())).isEmpty();
		assertThat(this.database.stock(blocked)).isEqualTo(new StockLevel(10, 0));

		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).isGreaterThanOrEqualTo(2);
		awaitOutbox(stuck.getOrderId(), 1);
		// the garbage fails again and comes back as a new dead letter, not replayed yet
		deadLettersOf(Topics.ORDER_PLACED, key, 3);
		assertThat(lettersOf(key)).extracting(DeadLetter::replayed).containsExactly(true, true, false);
		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).as("only the new dead letters").isPositive();
		awaitProcessedUpTo(Topics.ORDER_PLACED, key);

		assertThat(this.outbox.forAggregate(stuck.getOrderId())).hasSize(1);
		assertThat(this.outbox.single(stuck.getOrderId(), StockReserved.class).getOrderId())
			.isEqualTo(stuck.getOrderId());
		assertThat(this.database.stock(blocked)).isEqualTo(new StockLevel(8, 2));
		assertThat(deadLettersOf(Topics.ORDER_PLACED, key, 4)).hasSize(4)
			.extracting(DeadLetter::exception)
			.containsExactly(letters.get(0).exception(), letters.get(1).exception(), letters.get(0).exception(),
					letters.get(0).exception());
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
