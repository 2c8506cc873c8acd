package io.orderflow.inventory.messaging;

import java.util.UUID;

import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.StockReleased;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.testsupport.SagaEvents;
import org.junit.jupiter.api.Test;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that cannot even be decoded go to {@code <topic>.dlt}, without retry, and the
 * partition keeps flowing.
 */
@InventoryIntegrationTest
class DeadLetterTest extends SagaTestSupport {

	@Test
	void undecodableRecordsGoToTheDeadLetterTopicOfEachInputTopicAndThePartitionKeepsFlowing() {
		String sku = stocked(10);
		OrderPlaced toRelease = orderPlaced(new OrderLine(sku, 1));
		OrderPlaced toSell = orderPlaced(new OrderLine(sku, 2));
		OrderPlaced later = orderPlaced(new OrderLine(sku, 3));
		send(Topics.ORDER_PLACED, toRelease.getOrderId(), toRelease);
		send(Topics.ORDER_PLACED, toSell.getOrderId(), toSell);
		awaitOutbox(toRelease.getOrderId(), 1);
		awaitOutbox(toSell.getOrderId(), 1);

		poison(Topics.ORDER_PLACED, later.getOrderId());
		send(Topics.ORDER_PLACED, later.getOrderId(), later);
		poison(Topics.PAYMENT_FAILED, toRelease.getOrderId());
		send(Topics.PAYMENT_FAILED, toRelease.getOrderId(),
				SagaEvents.paymentFailed(toRelease.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS, null));
		poison(Topics.ORDER_CONFIRMED, toSell.getOrderId());
		send(Topics.ORDER_CONFIRMED, toSell.getOrderId(), SagaEvents.orderConfirmed(toSell.getOrderId()));

		awaitOutbox(later.getOrderId(), 1);
		assertThat(this.outbox.single(later.getOrderId(), StockReserved.class).getTotal().getAmountMinor())
			.isEqualTo(300);
		awaitOutbox(toRelease.getOrderId(), 2);
		assertThat(this.outbox.forAggregate(toRelease.getOrderId()).get(1).payload()).isInstanceOf(StockReleased.class);
		await().atMost(PROCESSING)
			.until(() -> this.database.reservationStatus(toSell.getOrderId()).orElseThrow(), "SOLD"::equals);
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(10 - 3 - 2, 3));

		assertThat(deadLettersOf(Topics.ORDER_PLACED, later.getOrderId(), 2)).allSatisfy(this::isUndecodable);
		assertThat(deadLettersOf(Topics.PAYMENT_FAILED, toRelease.getOrderId(), 2)).allSatisfy(this::isUndecodable);
		assertThat(deadLettersOf(Topics.ORDER_CONFIRMED, toSell.getOrderId(), 2)).allSatisfy(this::isUndecodable);
	}

	private void poison(String topic, UUID key) {
		this.producer.sendGarbage(topic, key);
		this.producer.sendUnknownSchemaId(topic, key);
	}

	private void isUndecodable(DeadLetter letter) {
		assertThat(letter.exception()).isEqualTo(NonRetryableEventException.class.getName());
		assertThat(letter.message()).contains("cannot be decoded");
	}

}
