package io.orderflow.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentCompleted;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.PricedLine;
import io.orderflow.schemas.avro.RejectedLine;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockReserved;
import org.jspecify.annotations.Nullable;

/**
 * The saga's events as their producers publish them, for the tests of the services that
 * consume them: each with a fresh event id, the current time (to the millisecond, as the
 * wire carries it), the customer {@value #CUSTOMER} and 15.00 EUR where no amount is
 * given. One field otherwise: the generated builder,
 * {@code OrderPlaced.newBuilder(orderPlaced(line)).setCustomerId("bob").build()}.
 */
public final class SagaEvents {

	/** The customer of every event here. */
	public static final String CUSTOMER = "alice";

	private static final long AMOUNT_MINOR = 1_500;

	private SagaEvents() {
	}

	/**
	 * @param lines the order's lines (none breaks the contract)
	 * @return an {@code OrderPlaced} of a new order
	 */
	public static OrderPlaced orderPlaced(OrderLine... lines) {
		return orderPlaced(UUID.randomUUID(), lines);
	}

	/**
	 * @param orderId the order
	 * @param lines its lines
	 * @return the order's {@code OrderPlaced}
	 */
	public static OrderPlaced orderPlaced(UUID orderId, OrderLine... lines) {
		return new OrderPlaced(UUID.randomUUID(), orderId, now(), CUSTOMER, List.of(lines));
	}

	/**
	 * @param orderId the order
	 * @param customerId its customer
	 * @param totalMinor its total in euro cents: one line {@code SKU-1} of one unit at
	 * that price
	 * @return the order's {@code StockReserved}
	 */
	public static StockReserved stockReserved(UUID orderId, String customerId, long totalMinor) {
		return new StockReserved(UUID.randomUUID(), orderId, now(), customerId,
				List.of(new PricedLine("SKU-1", 1, eur(totalMinor), eur(totalMinor))), eur(totalMinor));
	}

	/**
	 * @param orderId the order
	 * @param lines the lines that could not be reserved
	 * @return the order's {@code StockRejected}
	 */
	public static StockRejected stockRejected(UUID orderId, RejectedLine... lines) {
		return new StockRejected(UUID.randomUUID(), orderId, now(), CUSTOMER, List.of(lines));
	}

	/**
	 * @param orderId the order
	 * @param amountMinor the amount charged, in euro cents
	 * @return the order's {@code PaymentCompleted}, with a new payment id
	 */
	public static PaymentCompleted paymentCompleted(UUID orderId, long amountMinor) {
		return new PaymentCompleted(UUID.randomUUID(), orderId, now(), CUSTOMER, UUID.randomUUID(), eur(amountMinor));
	}

	/**
	 * @param orderId the order
	 * @param reason why the charge was refused
	 * @param detail the refusal's detail, if any
	 * @return the order's {@code PaymentFailed} over 15.00 EUR
	 */
	public static PaymentFailed paymentFailed(UUID orderId, PaymentFailureReason reason, @Nullable String detail) {
		return new PaymentFailed(UUID.randomUUID(), orderId, now(), CUSTOMER, eur(AMOUNT_MINOR), reason, detail);
	}

	/**
	 * @param orderId the order
	 * @return the order's {@code OrderConfirmed} over 15.00 EUR
	 */
	public static OrderConfirmed orderConfirmed(UUID orderId) {
		return new OrderConfirmed(UUID.randomUUID(), orderId, now(), CUSTOMER, eur(AMOUNT_MINOR));
	}

	/**
	 * @param orderId the order
	 * @param customerId who ordered
	 * @return the order's {@code OrderCancelled}, because its saga deadline passed
	 */
	public static OrderCancelled orderCancelled(UUID orderId, String customerId) {
		return new OrderCancelled(UUID.randomUUID(), orderId, now(), customerId, "saga deadline of 10m passed");
	}

	/**
	 * @param orderId the order
	 * @return the order's {@code OrderCancelled} for {@value #CUSTOMER}, because its saga
	 * deadline passed
	 */
	public static OrderCancelled orderCancelled(UUID orderId) {
		return orderCancelled(orderId, CUSTOMER);
	}

	/**
	 * @param amountMinor euro cents
	 * @return the amount in euros
	 */
	public static Money eur(long amountMinor) {
		return new Money(amountMinor, "EUR");
	}

	/**
	 * @return now, to the millisecond (what a {@code timestamp-millis} field keeps)
	 */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
