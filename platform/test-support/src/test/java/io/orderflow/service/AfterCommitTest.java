package io.orderflow.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link AfterCommit} in real transactions ({@link DataSourceTransactionManager} on the
 * test PostgreSQL server) and outside of one.
 */
class AfterCommitTest {

	private static final PostgresServer POSTGRES = PostgresServer.get();

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(POSTGRES.jdbcUrl("postgres"),
			POSTGRES.username(), POSTGRES.password());

	private final TransactionTemplate transaction = new TransactionTemplate(
			new DataSourceTransactionManager(this.dataSource));

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	private final Counter counter = new SimpleMeterRegistry().counter("work");

	@Test
	void countsWhenTheTransactionCommitsNotBefore() {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			AfterCommit.increment(this.counter);
			assertThat(this.counter.count()).as("before the commit").isZero();
		});

		assertThat(this.counter.count()).isEqualTo(1);
	}

	@Test
	void neverCountsATransactionMarkedRollbackOnly() {
		this.transaction.executeWithoutResult((status) -> {
			AfterCommit.increment(this.counter);
			status.setRollbackOnly();
		});

		assertThat(this.counter.count()).isZero();
	}

	@Test
	void neverCountsATransactionRolledBackByAnException() {
		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			AfterCommit.increment(this.counter);
			throw new IllegalStateException("the work failed");
		}));

		assertThat(this.counter.count()).isZero();
	}

	@Test
	void countsEachCommittedAttemptOnceWhenARolledBackAttemptIsRetried() {
		this.transaction.executeWithoutResult((status) -> {
			AfterCommit.increment(this.counter);
			status.setRollbackOnly();
		});
		this.transaction.executeWithoutResult((status) -> AfterCommit.increment(this.counter));

		assertThat(this.counter.count()).isEqualTo(1);
	}

	@Test
	void countsAtOnceWithoutATransaction() {
		AfterCommit.increment(this.counter);

		assertThat(this.counter.count()).isEqualTo(1);
	}

	@Test
	void runsActionsAfterCommitInTheOrderTheyWereRegistered() {
		StringBuilder order = new StringBuilder();
		this.transaction.executeWithoutResult((status) -> {
			AfterCommit.run(() -> order.append("first,"));
			AfterCommit.run(() -> order.append("second"));
			assertThat(order).isEmpty();
		});

		assertThat(order).hasToString("first,second");
	}

}
