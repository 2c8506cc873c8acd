package io.orderflow.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Asks, on a connection of its own, whether a row is locked by another transaction: a
 * {@code SELECT ... FOR UPDATE NOWAIT} that fails at once on a locked row.
 */
public final class RowLocks {

	private RowLocks() {
	}

	/**
	 * @param dataSource the database
	 * @param table the table
	 * @param keyColumn its key column
	 * @param key the row's key
	 * @return whether another transaction holds the row's lock
	 */
	public static boolean isLocked(DataSource dataSource, String table, String keyColumn, Object key) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection
				.prepareStatement("SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ? FOR UPDATE NOWAIT")) {
				select.setObject(1, key);
				select.executeQuery().close();
				return false;
			}
			catch (SQLException ex) {
				// 55P03: lock_not_available
				if ("55P03".equals(ex.getSQLState())) {
					return true;
				}
				throw ex;
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot probe the lock of " + table + " " + key, ex);
		}
	}

}
