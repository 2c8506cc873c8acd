package io.orderflow.payment.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccountTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	@Test
	void debitTakesTheAmountItCovers() {
		Account account = account(1_000, "EUR");

		Debit debit = account.debit(new Money(1_000, "EUR"), NOW);

		assertThat(debit.succeeded()).isTrue();
		assertThat(account.balance().balance()).isEqualTo(new Money(0, "EUR"));
	}

	@ParameterizedTest
	@CsvSource({ "999, EUR, 1000, EUR, INSUFFICIENT_FUNDS", "100000, USD, 1, EUR, CURRENCY_MISMATCH" })
	void debitRefusesWhatItCannotTakeAndLeavesTheBalance(long balanceMinor, String currency, long amountMinor,
			String amountCurrency, DebitRefusal refusal) {
		Account account = account(balanceMinor, currency);

		Debit debit = account.debit(new Money(amountMinor, amountCurrency), NOW);

		assertThat(debit.refusal()).isEqualTo(refusal);
		assertThat(account.balance().balance()).isEqualTo(new Money(balanceMinor, currency));
	}

	@Test
	void insufficientFundsNameTheAmountNotTheBalance() {
		Debit debit = account(999, "EUR").debit(new Money(1_000, "EUR"), NOW);

		assertThat(debit.detail()).contains("10.00 EUR").doesNotContain("9.99");
	}

	@Test
	void creditGivesBackWhatADebitTook() {
		Account account = account(1_000, "EUR");
		account.debit(new Money(400, "EUR"), NOW);

		account.credit(new Money(400, "EUR"), NOW);

		assertThat(account.balance().balance()).isEqualTo(new Money(1_000, "EUR"));
	}

	@Test
	void creditRefusesAnotherCurrencyOrABalanceBeyondALongAndLeavesTheBalance() {
		Account dollars = account(1_000, "USD");
		Account full = account(Long.MAX_VALUE, "EUR");

		assertThatIllegalArgumentException().isThrownBy(() -> dollars.credit(new Money(400, "EUR"), NOW))
			.withMessageContaining("kept in USD");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> full.credit(new Money(1, "EUR"), NOW));
		assertThat(dollars.balance().balance()).isEqualTo(new Money(1_000, "USD"));
		assertThat(full.balance().balance()).isEqualTo(new Money(Long.MAX_VALUE, "EUR"));
	}

	private static Account account(long balanceMinor, String currency) {
		return new Account(new CustomerId("alice"), new Money(balanceMinor, currency), NOW);
	}

}
