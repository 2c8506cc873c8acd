package io.orderflow.inventory.messaging;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.PaymentFailed;
import io.orderflow.schemas.avro.PaymentFailureReason;
import io.orderflow.schemas.avro.PricedLine;
import io.orderflow.schemas.avro.RejectedLine;
import io.orderflow.schemas.avro.ReleasedLine;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockRejectionReason;
import io.orderflow.schemas.avro.StockReleased;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.schemas.avro.OrderConfirmed;
import io.orderflow.testsupport.OutboxRows;
import io.orderflow.testsupport.SagaEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inventory's part of the saga, from the input topics to the database and the outbox.
 */
@InventoryIntegrationTest
class ReservationFlowTest extends SagaTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void reservesEveryLineAndAppendsStockReservedWithPricedLinesAndTotal() {
		String espresso = stocked(10, 250, "EUR");
		String grinder = stocked(5, 7900, "EUR");
		double reservedBefore = reservations("reserved");
		OrderPlaced order = OrderPlaced.newBuilder(orderPlaced(new OrderLine(espresso, 2), new OrderLine(grinder, 1)))
			.setCustomerId("bob")
			.build();

		place(order);

		List<OutboxRows.Row> rows = this.outbox.forAggregate(order.getOrderId());
		assertThat(rows).singleElement()
			.extracting(OutboxRows.Row::route)
			.isEqualTo(new OutboxRows.Route("Reservation", order.getOrderId().toString(), Topics.STOCK_RESERVED,
					"StockReserved"));
		StockReserved reserved = (StockReserved) rows.get(0).payload();
		assertThat(reserved.getEventId()).isEqualTo(rows.get(0).eventId()).isNotEqualTo(order.getEventId());
		assertThat(reserved.getOrderId()).isEqualTo(order.getOrderId());
		assertThat(reserved.getCustomerId()).isEqualTo("bob");
		assertThat(reserved.getOccurredAt()).isEqualTo(reserved.getOccurredAt().truncatedTo(ChronoUnit.MILLIS));
		assertThat(reserved.getLines()).containsExactly(
				new PricedLine(espresso, 2, new Money(250L, "EUR"), new Money(500L, "EUR")),
				new PricedLine(grinder, 1, new Money(7900L, "EUR"), new Money(7900L, "EUR")));
		assertThat(reserved.getTotal()).isEqualTo(new Money(8400L, "EUR"));

		assertThat(this.database.stock(espresso)).isEqualTo(new StockLevel(8, 2));
		assertThat(this.database.stock(grinder)).isEqualTo(new StockLevel(4, 1));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RESERVED");
		assertThat(this.database.reservationLines(order.getOrderId())).containsExactly(espresso + " x2 250",
				grinder + " x1 7900");
		await().untilAsserted(() -> assertThat(reservations("reserved")).isEqualTo(reservedBefore + 1));
	}

	@Test
	void rejectsTheWholeOrderWhenOneLineIsShortOrUnknownAndReservesNothing() {
		String plenty = stocked(10, 100, "EUR");
		String scarce = stocked(5, 100, "EUR");
		OrderPlaced order = orderPlaced(new OrderLine(plenty, 2), new OrderLine(scarce, 6),
				new OrderLine("NOT-IN-CATALOGUE", 1));

		place(order);

		StockRejected rejected = this.outbox.single(order.getOrderId(), StockRejected.class);
		assertThat(rejected.getCustomerId()).isEqualTo("alice");
		assertThat(rejected.getRejectedLines()).containsExactly(
				new RejectedLine(scarce, 6, 5, StockRejectionReason.INSUFFICIENT_STOCK),
				new RejectedLine("NOT-IN-CATALOGUE", 1, 0, StockRejectionReason.UNKNOWN_SKU));
		assertThat(this.database.stock(plenty)).as("the good line is not reserved either")
			.isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.stock(scarce)).isEqualTo(new StockLevel(5, 0));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("REJECTED");
		assertThat(this.database.reservationLines(order.getOrderId())).containsExactly(plenty + " x2 -",
				scarce + " x6 INSUFFICIENT_STOCK", "NOT-IN-CATALOGUE x1 UNKNOWN_SKU");
	}

	@Test
	void rejectsAnOrderWhoseProductsArePricedInDifferentCurrencies() {
		String euro = stocked(10, 100, "EUR");
		String dollar = stocked(10, 100, "USD");
		OrderPlaced order = orderPlaced(new OrderLine(euro, 1), new OrderLine(dollar, 1));

		place(order);

		assertThat(this.outbox.single(order.getOrderId(), StockRejected.class).getRejectedLines())
			.containsExactly(new RejectedLine(dollar, 1, 10, StockRejectionReason.CURRENCY_MISMATCH));
		assertThat(this.database.stock(euro)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.stock(dollar)).isEqualTo(new StockLevel(10, 0));
	}

	@Test
	void rejectsAnOrderWhoseTotalDoesNotFitALongInsteadOfFailingOnIt() {
		// priced beyond what PUT /products accepts, as a product defined before the bound
		// or by other means may be
		String fine = stocked(10, 100, "EUR");
		String priceless = stocked(10, Long.MAX_VALUE / 2, "EUR");
		OrderPlaced order = orderPlaced(new OrderLine(fine, 1), new OrderLine(priceless, 3));

		place(order);

		assertThat(this.outbox.single(order.getOrderId(), StockRejected.class).getRejectedLines())
			.containsExactly(new RejectedLine(priceless, 3, 10, StockRejectionReason.OUT_OF_RANGE));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("REJECTED");
		assertThat(this.database.reservationLines(order.getOrderId())).containsExactly(fine + " x1 -",
				priceless + " x3 OUT_OF_RANGE");
		assertThat(this.database.stock(fine)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.stock(priceless)).isEqualTo(new StockLevel(10, 0));
	}

	@Test
	void redeliveredOrderPlacedReservesStockOnce() {
		String sku = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(sku, 3));

		send(Topics.ORDER_PLACED, order.getOrderId(), order);
		send(Topics.ORDER_PLACED, order.getOrderId(), order);
		awaitProcessedUpTo(Topics.ORDER_PLACED, order.getOrderId());

		assertThat(this.outbox.forAggregate(order.getOrderId())).hasSize(1);
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RESERVED");
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(7, 3));
	}

	@Test
	void orderPlacedAgainUnderANewEventIdReservesStockOnce() {
		String sku = stocked(10);
		UUID orderId = UUID.randomUUID();

		send(Topics.ORDER_PLACED, orderId, orderPlaced(orderId, new OrderLine(sku, 3)));
		send(Topics.ORDER_PLACED, orderId, orderPlaced(orderId, new OrderLine(sku, 3)));
		awaitProcessedUpTo(Topics.ORDER_PLACED, orderId);

		assertThat(this.outbox.forAggregate(orderId)).hasSize(1);
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(7, 3));
	}

	@Test
	void failedPaymentReleasesTheReservationOnceAndAppendsStockReleased() {
		String first = stocked(10);
		String second = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(second, 1), new OrderLine(first, 2), new OrderLine(second, 3));
		place(order);
		assertThat(this.database.stock(second)).isEqualTo(new StockLevel(6, 4));

		PaymentFailed failed = SagaEvents.paymentFailed(order.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS,
				null);
		send(Topics.PAYMENT_FAILED, order.getOrderId(), failed);
		send(Topics.PAYMENT_FAILED, order.getOrderId(), failed);
		send(Topics.PAYMENT_FAILED, order.getOrderId(),
				SagaEvents.paymentFailed(order.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS, null));
		awaitProcessedUpTo(Topics.PAYMENT_FAILED, order.getOrderId());

		List<OutboxRows.Row> rows = this.outbox.forAggregate(order.getOrderId());
		assertThat(rows).extracting(OutboxRows.Row::eventType).containsExactly("StockReserved", "StockReleased");
		StockReleased released = (StockReleased) rows.get(1).payload();
		assertThat(released.getOrderId()).isEqualTo(order.getOrderId());
		assertThat(released.getLines()).containsExactlyInAnyOrder(new ReleasedLine(first, 2),
				new ReleasedLine(second, 4));
		assertThat(rows.get(1).topic()).isEqualTo(Topics.STOCK_RELEASED);
		assertThat(this.database.stock(first)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.stock(second)).isEqualTo(new StockLevel(10, 0));
		assertThat(this.database.reservationStatus(order.getOrderId())).contains("RELEASED");
	}

	@Test
	void confirmedOrderTurnsTheReservationIntoASaleOnce() {
		String sku = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(sku, 4));
		place(order);
		double soldBefore = reservations("sold");

		OrderConfirmed confirmed = SagaEvents.orderConfirmed(order.getOrderId());
		send(Topics.ORDER_CONFIRMED, order.getOrderId(), confirmed);
		send(Topics.ORDER_CONFIRMED, order.getOrderId(), confirmed);
		send(Topics.ORDER_CONFIRMED, order.getOrderId(), SagaEvents.orderConfirmed(order.getOrderId()));
		awaitProcessedUpTo(Topics.ORDER_CONFIRMED, order.getOrderId());

		assertThat(this.database.reservationStatus(order.getOrderId())).contains("SOLD");
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(6, 0));
		assertThat(this.outbox.forAggregate(order.getOrderId())).extracting(OutboxRows.Row::eventType)
			.containsExactly("StockReserved");
		await().untilAsserted(() -> assertThat(reservations("sold")).isEqualTo(soldBefore + 1));
	}

	@Test
	void failedPaymentAfterTheSaleOrForAnUnknownOrderChangesNothing() {
		String sku = stocked(10);
		OrderPlaced order = orderPlaced(new OrderLine(sku, 4));
		place(order);
		send(Topics.ORDER_CONFIRMED, order.getOrderId(), SagaEvents.orderConfirmed(order.getOrderId()));
		awaitProcessedUpTo(Topics.ORDER_CONFIRMED, order.getOrderId());
		UUID unknownOrder = UUID.randomUUID();

		PaymentFailed late = SagaEvents.paymentFailed(order.getOrderId(), PaymentFailureReason.INSUFFICIENT_FUNDS,
				null);
		send(Topics.PAYMENT_FAILED, order.getOrderId(), late);
		PaymentFailed unknown = SagaEvents.paymentFailed(unknownOrder, PaymentFailureReason.INSUFFICIENT_FUNDS, null);
		send(Topics.PAYMENT_FAILED, unknownOrder, unknown);
		await().atMost(PROCESSING)
			.until(() -> this.database.processed(late.getEventId()) && this.database.processed(unknown.getEventId()));

		assertThat(this.database.reservationStatus(order.getOrderId())).contains("SOLD");
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(6, 0));
		assertThat(this.outbox.forAggregate(order.getOrderId())).hasSize(1);
		assertThat(this.outbox.forAggregate(unknownOrder)).isEmpty();
		assertThat(this.database.reservationStatus(unknownOrder)).isEmpty();
	}

	private double reservations(String outcome) {
		return this.meters.get("orderflow.inventory.reservations").tag("outcome", outcome).counter().count();
	}

}
