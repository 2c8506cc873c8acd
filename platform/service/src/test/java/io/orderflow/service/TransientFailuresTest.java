package io.orderflow.service;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

	@ParameterizedTest
	@ValueSource(strings = { "08001", "08006", "57P01", "57014", "55P03", "40001", "40P01", "53300" })
	void postgresStatesOfAnUnavailableOrBusyServerAreTransient(String state) {
		assertThat(TransientFailures.isTransient(new SQLException("failed", state))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "23505", "23503", "42P01", "22003", "XX000" })
	void postgresStatesOfAWrongStatementOrDataAreNot(String state) {
		assertThat(TransientFailures.isTransient(new SQLException("failed", state))).isFalse();
	}

	@Test
	void aFailureIsTransientWhenAnyOfItsCausesIs() {
		Exception wrapped = new IllegalStateException("rolled back",
				new RuntimeException("flush failed", new SQLException("connection refused", "08001")));
		assertThat(TransientFailures.isTransient(wrapped)).isTrue();
		assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
		assertThat(TransientFailures
			.isTransient(new RuntimeException(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))))
			.isTrue();
		assertThat(TransientFailures
			.isTransient(new SQLTransientConnectionException("pool: connection is not available", "08003"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolHasClosedIsTransient() {
		// as Hibernate reports it when PostgreSQL restarted during the transaction
		Exception rollback = new RuntimeException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"));
		assertThat(TransientFailures.isTransient(rollback)).isTrue();
		assertThat(TransientFailures.isTransient(new SQLException("Connection is closed", "42000"))).isFalse();
	}

	@Test
	void springsTransientDataAccessExceptionsAreTransientAndIntegrityViolationsAreNot() {
		assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock timeout"))).isTrue();
		assertThat(TransientFailures.isTransient(new QueryTimeoutException("timeout"))).isTrue();
		assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate"))).isFalse();
	}

	@Test
	void aMarkedExceptionIsTransientAndOrdinaryFailuresAreNot() {
		class SchemaNotResolved extends RuntimeException implements TransientFailures.Transient {

		}
		assertThat(TransientFailures.isTransient(new SchemaNotResolved())).isTrue();
		assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad command"))).isFalse();
		assertThat(TransientFailures.isTransient(new IOException("garbage"))).isFalse();
		assertThat(TransientFailures.isTransient(null)).isFalse();
	}

	@Test
	void aCycleInTheCauseChainEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(TransientFailures.isTransient(second)).isFalse();
	}

}
