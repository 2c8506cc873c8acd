package io.orderflow.payment.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.payment.PaymentServiceTest;
import io.orderflow.payment.messaging.PaymentDatabase.PaymentRow;
import io.orderflow.schemas.Topics;
import io.orderflow.testsupport.Scenario;
import io.orderflow.testsupport.TestProducer;
import io.orderflow.schemas.avro.StockReserved;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that cannot be processed go to {@code inventory.stock-reserved.v1.dlt} while
 * the partition keeps flowing; a dead letter replayed after its cause was fixed is
 * processed, once.
 */
@PaymentServiceTest
class StockReservedDeadLettersTest extends SagaTestSupport {

	@Autowired
	DeadLetters deadLetters;

	@Test
	void unprocessableRecordsAreDeadLetteredAndAFixedOneIsReplayedOnce() {
		TestProducer topic = this.scenario.awaitListeners().producer();
		String customer = this.database.openAccount("alice", 10_000, "EUR");

		// a record that fails until an operator fixes the database: retried, then
		// dead
		this.database.takePaymentsTableAway();
		StockReserved stuck = stockReserved(customer).totaling(1_000).build();
		topic.send(Topics.STOCK_RESERVED, stuck);
		DeadLetter stuckLetter = await().atMost(Scenario.TIMEOUT)
			.until(() -> lettersFor(stuck.getOrderId().toString()), (letters) -> letters.size() == 1)
			.get(0);
		this.database.bringPaymentsTableBack();
		assertThat(stuckLetter.exception()).startsWith("org.springframework.dao.")
			.isNotEqualTo(NonRetryableEventException.class.getName());
		assertThat(this.database.balance(customer)).isEqualTo(10_000);

		// poison on one partition, then a valid record behind it
		StockReserved valid = stockReserved(customer).totaling(2_000).build();
		String key = valid.getOrderId().toString();
		topic.sendGarbage(Topics.STOCK_RESERVED, key);
		topic.sendUnknownSchemaId(Topics.STOCK_RESERVED, key);
		topic.send(Topics.STOCK_RESERVED, key,
				stockReserved(customer).orderId(valid.getOrderId()).totaling(500).total(-500).build());
		topic.send(Topics.STOCK_RESERVED, valid);

		await().atMost(Scenario.TIMEOUT).until(() -> this.database.payment(valid.getOrderId()).isPresent());
		assertThat(this.database.balance(customer)).isEqualTo(8_000);
		List<DeadLetter> poison = await().atMost(Scenario.TIMEOUT)
			.until(() -> lettersFor(key), (letters) -> letters.size() == 3);
		assertThat(poison).extracting(DeadLetter::exception)
			.containsExactly(NonRetryableEventException.class.getName(), NonRetryableEventException.class.getName(),
					NonRetryableEventException.class.getName());
		assertThat(poison.subList(0, 2)).extracting(DeadLetter::message)
			.allSatisfy((message) -> assertThat(message).contains("cannot be decoded"));
		assertThat(poison).extracting(DeadLetter::originalTopic).containsOnly(Topics.STOCK_RESERVED);

		// the cause is fixed: replaying pays the stuck order; poison comes back as
		// poison
		assertThat(this.deadLetters.replay(Topics.STOCK_RESERVED)).isEqualTo(4);
		PaymentRow paid = await().atMost(Scenario.TIMEOUT)
			.until(() -> this.database.payment(stuck.getOrderId()), (payment) -> payment.isPresent())
			.orElseThrow();
		assertThat(paid.status()).isEqualTo("COMPLETED");
		await().atMost(Scenario.TIMEOUT).until(() -> lettersFor(key), (letters) -> letters.size() == 6);
		assertThat(this.deadLetters.replay(Topics.STOCK_RESERVED)).as("only the new dead letters").isEqualTo(3);
		await().atMost(Scenario.TIMEOUT).until(() -> lettersFor(key), (letters) -> letters.size() == 9);
		assertThat(lettersFor(stuck.getOrderId().toString())).hasSize(1);
		assertThat(this.database.balance(customer)).isEqualTo(7_000);
		assertThat(this.database.paymentsOf(customer)).hasSize(2);
		assertThat(this.database.outbox(stuck.getOrderId())).hasSize(1);
	}

	private List<DeadLetter> lettersFor(String key) {
		return this.deadLetters.list(Topics.STOCK_RESERVED, key);
	}

}
