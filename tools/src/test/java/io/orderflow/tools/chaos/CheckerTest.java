package io.orderflow.tools.chaos;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckerTest {

	@Test
	void aConfirmedOrderIsSoldAndCharged() {
		assertThat(Checker.consistent("CONFIRMED", "SOLD", "COMPLETED")).isTrue();
		assertThat(Checker.consistent("CONFIRMED", "RESERVED", "COMPLETED")).isFalse();
		assertThat(Checker.consistent("CONFIRMED", "SOLD", null)).isFalse();
	}

	@Test
	void aRejectedOrderIsNeverCharged() {
		assertThat(Checker.consistent("REJECTED", "REJECTED", null)).isTrue();
		assertThat(Checker.consistent("REJECTED", "REJECTED", "COMPLETED")).isFalse();
	}

	@Test
	void aCancelledOrderHoldsNoStockAndKeepsNoCharge() {
		assertThat(Checker.consistent("CANCELLED", "RELEASED", "FAILED")).isTrue();
		assertThat(Checker.consistent("CANCELLED", "RELEASED", "REFUNDED")).isTrue();
		assertThat(Checker.consistent("CANCELLED", null, null)).isTrue();
		assertThat(Checker.consistent("CANCELLED", "RESERVED", "FAILED")).isFalse();
		assertThat(Checker.consistent("CANCELLED", "RELEASED", "COMPLETED")).isFalse();
	}

}
