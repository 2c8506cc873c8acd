package io.orderflow.payment.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	@Test
	void debitTakesTheAmountItCovers() {
		Account account = account(1_000, "EUR");

		Debit debit = account.debit(new Money(1_000, "EUR"), NOW);

		assertThat(debit.succeeded()).isTrue();
		assertThat(account.balance().balance()).isEqualTo(new Money(0, "EUR"));
	}

	@Test
	void debitRefusesWhatTheBalanceCannotCover() {
		Account account = account(999, "EUR");

		Debit debit = account.debit(new Money(1_000, "EUR"), NOW);

		assertThat(debit.refusal()).isEqualTo(DebitRefusal.INSUFFICIENT_FUNDS);
		assertThat(debit.detail()).contains("10.00 EUR").doesNotContain("9.99");
		assertThat(account.balance().balance()).isEqualTo(new Money(999, "EUR"));
	}

	@Test
	void debitRefusesAnotherCurrency() {
		Account account = account(100_000, "USD");

		Debit debit = account.debit(new Money(1, "EUR"), NOW);

		assertThat(debit.refusal()).isEqualTo(DebitRefusal.CURRENCY_MISMATCH);
		assertThat(account.balance().balance()).isEqualTo(new Money(100_000, "USD"));
	}

	private static Account account(long balanceMinor, String currency) {
		return new Account(new CustomerId("alice"), new Money(balanceMinor, currency), NOW);
	}

}
