package io.orderflow.payment.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@Test
	void acceptsOnlyIsoCurrencyCodesInUpperCase() {
		assertThat(Money.isCurrencyCode("EUR")).isTrue();
		assertThat(Money.isCurrencyCode("JPY")).isTrue();
		assertThat(Money.isCurrencyCode("eur")).isFalse();
		assertThat(Money.isCurrencyCode("XYZ")).isFalse();
		assertThat(Money.isCurrencyCode("EURO")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(1, "XYZ"));
	}

	@Test
	void isNeverNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(-1, "EUR"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, "EUR").minus(new Money(101, "EUR")));
	}

	@Test
	void neverCombinesCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, "EUR").covers(new Money(1, "USD")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(100, "EUR").minus(new Money(1, "USD")));
	}

	@Test
	void printsMajorUnitsOfTheCurrency() {
		assertThat(new Money(1_250, "EUR")).hasToString("12.50 EUR");
		assertThat(new Money(1_250, "JPY")).hasToString("1250 JPY");
		assertThat(new Money(5, "KWD")).hasToString("0.005 KWD");
	}

}
