package io.orderflow.schemas;

import java.util.List;
import java.util.Map;

import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockReleased;
import io.orderflow.schemas.avro.StockReserved;
import org.apache.avro.Schema;

/**
 * Kafka topic names of the saga: explicit, versioned contracts, defined here and nowhere
 * else.
 * <p>
 * One topic per event type; the record key is always the order id so that the events of
 * one order stay in order within their topic. Value subjects follow the registry's
 * topic-name strategy ({@code <topic>-value}).
 */
public final class Topics {

	/** {@code OrderPlaced}, produced by order-service. */
	public static final String ORDER_PLACED = "orders.order-placed.v1";

	/** {@code OrderConfirmed}, produced by order-service. */
	public static final String ORDER_CONFIRMED = "orders.order-confirmed.v1";

	/** {@code OrderCancelled}, produced by order-service. */
	public static final String ORDER_CANCELLED = "orders.order-cancelled.v1";

	/** {@code StockReserved}, produced by inventory-service. */
	public static final String STOCK_RESERVED = "inventory.stock-reserved.v1";

	/** {@code StockRejected}, produced by inventory-service. */
	public static final String STOCK_REJECTED = "inventory.stock-rejected.v1";

	/** {@code StockReleased}, produced by inventory-service. */
	public static final String STOCK_RELEASED = "inventory.stock-released.v1";

	/** {@code PaymentCompleted}, produced by payment-service. */
	public static final String PAYMENT_COMPLETED = "payments.payment-completed.v1";

	/** {@code PaymentFailed}, produced by payment-service. */
	public static final String PAYMENT_FAILED = "payments.payment-failed.v1";

	/** Suffix of the dead-letter topic of every input topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	/** Every saga topic, in saga order. */
	public static final List<String> ALL = List.of(ORDER_PLACED, STOCK_RESERVED, STOCK_REJECTED, PAYMENT_COMPLETED,
			PAYMENT_FAILED, STOCK_RELEASED, ORDER_CONFIRMED, ORDER_CANCELLED);

	private static final Map<String, Schema> VALUE_SCHEMAS = Map.of(ORDER_PLACED, OrderPlaced.getClassSchema(),
			STOCK_RESERVED, StockReserved.getClassSchema(), STOCK_REJECTED, StockRejected.getClassSchema(),
			PAYMENT_COMPLETED, PaymentCompleted.getClassSchema(), PAYMENT_FAILED, PaymentFailed.getClassSchema(),
			STOCK_RELEASED, StockReleased.getClassSchema(), ORDER_CONFIRMED, OrderConfirmed.getClassSchema(),
			ORDER_CANCELLED, OrderCancelled.getClassSchema());

	private Topics() {
	}

	/**
	 * The schema of a saga topic's record values: the one this build writes (subject
	 * {@code <topic>-value}).
	 * @param topic a saga topic
	 * @return the generated class's schema
	 * @throws IllegalArgumentException when the topic is not a saga topic
	 */
	public static Schema valueSchema(String topic) {
		Schema schema = VALUE_SCHEMAS.get(topic);
		if (schema == null) {
			throw new IllegalArgumentException("Not a saga topic: " + topic + "; the saga topics are " + ALL);
		}
		return schema;
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic a saga topic
	 * @return {@code <topic>.dlt}
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
