package io.orderflow.payment.messaging;

import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.payment.charge.ChargeOrder;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.service.OrderId;
import org.junit.jupiter.api.Test;

import static io.orderflow.payment.messaging.StockReservedBuilder.stockReserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StockReservedMapperTest {

	@Test
	void mapsTheOrderTotalToAChargeOfTheCustomer() {
		StockReserved event = stockReserved("alice").line("SKU-1", 3, 1_000).line("SKU-2", 1, 250).build();

		assertThat(StockReservedMapper.toInbound(event)).isEqualTo(new Inbound<>(event.getEventId(),
				new ChargeOrder(new OrderId(event.getOrderId()), new CustomerId("alice"), new Money(3_250, "EUR"))));
	}

	@Test
	void rejectsANegativeTotal() {
		assertViolation(stockReserved("alice").totaling(500).total(-500).build(), "total is negative");
	}

	@Test
	void rejectsAnOrderWithoutLines() {
		assertViolation(stockReserved("alice").noLines().build(), "no lines");
	}

	@Test
	void rejectsATotalThatIsNotTheSumOfTheLines() {
		assertViolation(stockReserved("alice").line("SKU-1", 1, 100).total(99).build(), "not the sum");
	}

	@Test
	void rejectsALineTotalThatIsNotUnitPriceTimesQuantity() {
		assertViolation(stockReserved("alice").lineWithTotal("SKU-1", 2, 100, 150).total(150).build(),
				"not unit price x quantity");
	}

	@Test
	void rejectsANonPositiveQuantity() {
		assertViolation(stockReserved("alice").lineWithTotal("SKU-1", 0, 100, 0).build(), "quantity 0");
	}

	@Test
	void rejectsAmountsThatOverflow() {
		assertViolation(stockReserved("alice").lineWithTotal("SKU-1", 2, Long.MAX_VALUE / 2 + 1, 0).build(),
				"overflows");
	}

	@Test
	void rejectsUnknownCurrencies() {
		assertViolation(stockReserved("alice").currency("XYZ").build(), "ISO 4217");
	}

	@Test
	void rejectsABlankCustomer() {
		assertViolation(stockReserved(" ").build(), "customer id");
	}

	@Test
	void rejectsARecordWithoutValueOrWithAnotherEventType() {
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> StockReservedMapper.toInbound(null))
			.withMessageContaining("tombstone");
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> StockReservedMapper.toInbound("not an event"))
			.withMessageContaining("expected StockReserved");
	}

	private static void assertViolation(StockReserved event, String violation) {
		assertThatExceptionOfType(NonRetryableEventException.class)
			.isThrownBy(() -> StockReservedMapper.toInbound(event))
			.withMessageContaining("violates the contract")
			.withMessageContaining(violation)
			.withMessageContaining(event.getOrderId().toString());
	}

}
