package io.orderflow.payment.account;

import java.time.Instant;

import javax.sql.DataSource;

import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.RowLocks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account repository against the real PostgreSQL schema (a JPA slice: no web, no
 * Kafka): an account round-trips, a debit is stored, and loading for update locks the row
 * until the transaction ends, which is what serializes charges of one account.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@RealInfrastructure
class AccountsTest {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.000Z");

	@Autowired
	Accounts accounts;

	@Autowired
	DataSource dataSource;

	@Test
	void anAccountRoundTripsAndKeepsADebit() {
		this.accounts.save(new Account(new CustomerId("alice"), new Money(10_000, "EUR"), NOW));

		Account account = this.accounts.findForUpdate("alice").orElseThrow();
		assertThat(account.debit(new Money(2_500, "EUR"), NOW.plusSeconds(1)).succeeded()).isTrue();
		this.accounts.save(account);

		assertThat(this.accounts.findById("alice")).map((read) -> read.balance().balance())
			.contains(new Money(7_500, "EUR"));
		assertThat(this.accounts.findById("nobody")).isEmpty();
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void loadingForUpdateLocksTheRowUntilTheTransactionEnds(@Autowired PlatformTransactionManager transactions) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(
				(status) -> this.accounts.save(new Account(new CustomerId("bob"), new Money(1_000, "EUR"), NOW)));

		transaction.executeWithoutResult((status) -> {
			assertThat(RowLocks.isLocked(this.dataSource, "accounts", "customer_id", "bob")).as("before").isFalse();
			this.accounts.findForUpdate("bob").orElseThrow();
			assertThat(RowLocks.isLocked(this.dataSource, "accounts", "customer_id", "bob")).as("loaded for update")
				.isTrue();
		});
		assertThat(RowLocks.isLocked(this.dataSource, "accounts", "customer_id", "bob")).as("after the commit")
			.isFalse();
	}

}
