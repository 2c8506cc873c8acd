package io.orderflow.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The one definition of a <b>transient</b> failure, shared by the consumers (retried
 * without a cap, never dead-lettered) and the HTTP edge (503 with {@code Retry-After},
 * never 500): a dependency that is down or busy, which the same work, tried again later,
 * gets past.
 * <ul>
 * <li>Spring's data-access exceptions that say so: {@link TransientDataAccessException}
 * (lock and query timeouts, deadlocks, serialization failures),
 * {@link RecoverableDataAccessException}, {@link DataAccessResourceFailureException} (no
 * connection), {@link CannotCreateTransactionException},
 * {@link TransactionTimedOutException};</li>
 * <li>a {@link SQLException} that Spring's translator for PostgreSQL maps to one of those
 * (e.g. {@code 55P03} lock not available, {@code 40001} and {@code 40P01}, SQL state
 * classes 08 connection, 53 insufficient resources, 57 operator intervention such as a
 * server shutting down or a statement timeout, the JDBC transient and recoverable
 * subclasses, such as a pool that timed out waiting for a connection): raw JDBC and
 * Hibernate failures are judged as Spring would judge them translated; and HikariCP's
 * "Connection is closed", which carries no SQL state (a rollback on a connection the
 * server dropped fails with it);</li>
 * <li>a connection that could not be opened or timed out ({@link ConnectException},
 * {@link NoRouteToHostException}, {@link SocketTimeoutException},
 * {@link HttpTimeoutException}): the registry or another HTTP dependency is down;</li>
 * <li>any exception that implements {@link Transient}.</li>
 * </ul>
 * The whole cause chain is searched: an exception is transient when it or any of its
 * causes is, e.g. a {@code PersistenceException} around a broken connection.
 */
public final class TransientFailures {

	private static final SQLErrorCodeSQLExceptionTranslator translator = new SQLErrorCodeSQLExceptionTranslator(
			"PostgreSQL");

	/**
	 * What HikariCP's proxy of a connection it has closed throws, without an SQL state:
	 * the connection broke (e.g. the server restarted) and the pool evicted it, typically
	 * while a failed transaction was being rolled back on it.
	 */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private TransientFailures() {
	}

	/**
	 * @param failure what was thrown; may be null
	 * @return whether it, or one of its causes, is a transient failure
	 */
	public static boolean isTransient(@Nullable Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (isTransientItself(current)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTransientItself(Throwable failure) {
		if (failure instanceof Transient || failure instanceof TransientDataAccessException
				|| failure instanceof RecoverableDataAccessException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException
				|| failure instanceof TransactionTimedOutException || failure instanceof ConnectException
				|| failure instanceof NoRouteToHostException || failure instanceof SocketTimeoutException
				|| failure instanceof HttpTimeoutException) {
			return true;
		}
		if (failure instanceof SQLException sql) {
			if (sql.getSQLState() == null && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
				return true;
			}
			DataAccessException translated = translator.translate("", null, sql);
			return translated instanceof TransientDataAccessException
					|| translated instanceof RecoverableDataAccessException
					|| translated instanceof DataAccessResourceFailureException;
		}
		return false;
	}

	/**
	 * Marks an exception type as a transient failure: a dependency is unavailable for now
	 * (e.g. a schema not resolved yet because the registry has not answered).
	 */
	public interface Transient {

	}

}
