package io.orderflow.inventory.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.orderflow.inventory.product.Catalogue;
import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.Sku;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.TestProducer;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.Scenario;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.awaitility.Awaitility.await;

/**
 * What the saga tests share: a producer, the outbox and database views, products, and a
 * way to know that the listener got past a record.
 */
abstract class SagaTestSupport {

	static final Duration PROCESSING = Duration.ofSeconds(30);

	@Autowired
	Catalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Scenario scenario;

	@Autowired
	DeadLetters deadLetters;

	TestProducer producer;

	OutboxRows outbox;

	InventoryDatabase database;

	@BeforeEach
	void connect() {
		this.producer = this.scenario.awaitListeners().producer();
		this.outbox = this.scenario.outbox();
		this.database = new InventoryDatabase(this.jdbc);
	}

	/**
	 * Defines a product with a SKU of its own (tests share nothing, not even SKUs) at
	 * 1.00 EUR.
	 * @param available its stock
	 * @return its SKU
	 */
	String stocked(int available) {
		return stocked(available, 100, "EUR");
	}

	/**
	 * Defines a product with a SKU of its own.
	 * @param available its stock
	 * @param priceMinor its price in minor units
	 * @param currency the price's currency
	 * @return its SKU
	 */
	String stocked(int available, long priceMinor, String currency) {
		Sku sku = new Sku("T-" + UUID.randomUUID().toString().substring(0, 8));
		return this.catalogue
			.define(new ProductDefinition(sku, "Product " + sku.value(), new Money(priceMinor, currency), available))
			.product()
			.sku()
			.value();
	}

	RecordMetadata send(String topic, UUID key, SpecificRecord event) {
		return this.producer.send(topic, key, event);
	}

	/**
	 * Sends the order and waits for the inventory's answer (the first row in the order's
	 * outbox).
	 * @param order the order
	 */
	void place(OrderPlaced order) {
		send(Topics.ORDER_PLACED, order.getOrderId(), order);
		awaitOutbox(order.getOrderId(), 1);
	}

	/**
	 * Sends a harmless event with the given key (so: to the same partition) and waits
	 * until it was processed, i.e. until everything sent to that partition before it was
	 * processed too.
	 */
	void awaitProcessedUpTo(String topic, UUID key) {
		SpecificRecord marker = switch (topic) {
			case Topics.ORDER_PLACED -> orderPlaced(new OrderLine("NO-SUCH-SKU", 1));
			case Topics.PAYMENT_FAILED ->
				SagaEvents.paymentFailed(UUID.randomUUID(), PaymentFailureReason.INSUFFICIENT_FUNDS, null);
			case Topics.ORDER_CONFIRMED -> SagaEvents.orderConfirmed(UUID.randomUUID());
			case Topics.ORDER_CANCELLED -> SagaEvents.orderCancelled(UUID.randomUUID());
			default -> throw new IllegalArgumentException(topic);
		};
		send(topic, key, marker);
		UUID eventId = (UUID) marker.get(marker.getSchema().getField("eventId").pos());
		await().atMost(PROCESSING).until(() -> this.database.processed(eventId));
	}

	/**
	 * Waits until a key (an order: one partition) has at least this many dead letters.
	 */
	List<DeadLetter> deadLettersOf(String topic, UUID key, int expected) {
		return await().atMost(PROCESSING)
			.until(() -> this.deadLetters.list(topic, key.toString()), (list) -> list.size() >= expected);
	}

	void awaitOutbox(UUID orderId, int rows) {
		await().atMost(PROCESSING).until(() -> this.outbox.forAggregate(orderId).size() >= rows);
	}

}
