package io.orderflow.payment.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

	@ParameterizedTest
	@CsvSource({ "EUR, true", "JPY, true", "eur, false", "XYZ, false", "EURO, false" })
	void acceptsOnlyIsoCurrencyCodesInUpperCase(String code, boolean accepted) {
		assertThat(Money.isCurrencyCode(code)).isEqualTo(accepted);
	}

	@Test
	void refusesAnUnknownCurrency() {
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
