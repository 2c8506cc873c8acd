package io.orderflow.relay.outbox;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.relay.config.RelayProperties;

/**
 * One service database with an {@code outbox} table. Two kinds of connections:
 * <ul>
 * <li>a small pool for short housekeeping statements (backlog measurement,
 * clean-up);</li>
 * <li>dedicated, unpooled connections for a {@link Membership} and the
 * {@link OutboxSession} that owns lanes: a session advisory lock lives exactly as long as
 * the connection that took it, so they must never go back to a pool.</li>
 * </ul>
 * The pool starts without connecting, so one unreachable database never keeps the relay
 * (and the other sources) from starting.
 */
final class OutboxSource implements AutoCloseable {

	private static final String APPLICATION_NAME = "outbox-relay";

	private final RelayProperties.Source config;

	private final HikariDataSource pool;

	private final boolean keepPublishedRows;

	private final SourceStatus status = new SourceStatus();

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param config the database
	 * @param keepPublishedRows whether a session marks published rows (kept until
	 * clean-up) or deletes them
	 */
	OutboxSource(RelayProperties.Source config, boolean keepPublishedRows) {
		this.config = config;
		this.keepPublishedRows = keepPublishedRows;
		HikariConfig hikari = new HikariConfig();
		hikari.setPoolName("outbox-" + config.name());
		hikari.setJdbcUrl(config.url());
		hikari.setUsername(config.username());
		hikari.setPassword(config.password());
		hikari.setMaximumPoolSize(2);
		hikari.setMinimumIdle(1);
		hikari.setConnectionTimeout(2_000);
		hikari.setValidationTimeout(1_000);
		hikari.setInitializationFailTimeout(-1);
		hikari.addDataSourceProperty("ApplicationName", APPLICATION_NAME + "-housekeeping");
		// backlog probes and clean-up: short statements, JIT compilation never pays
		hikari.setConnectionInitSql("SET jit = off");
		this.pool = new HikariDataSource(hikari);
	}

	String name() {
		return this.config.name();
	}

	SourceStatus status() {
		return this.status;
	}

	/**
	 * @return a pooled connection in auto-commit mode; close it to return it
	 * @throws SQLException when the database cannot be reached
	 */
	Connection pooledConnection() throws SQLException {
		return this.pool.getConnection();
	}

	/**
	 * Joins the source's relay group under a new random member id.
	 * @param timeout how long a member's heartbeat may be missing before the others end
	 * its sessions
	 * @return the membership, its heartbeat running
	 * @throws SQLException when the database cannot be reached
	 */
	Membership join(Duration timeout) throws SQLException {
		for (int attempt = 0;; attempt++) {
			int member = 1 + this.random.nextInt(Integer.MAX_VALUE - 1);
			Connection connection = connect(Membership.applicationName(member));
			try {
				Membership.configure(connection);
				if (Membership.tryJoin(connection, member)) {
					return new Membership(name(), member, connection, timeout);
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
			connection.close();
			if (attempt == 10) {
				throw new SQLException("no free member id after 10 attempts");
			}
		}
	}

	/**
	 * Opens a member's dedicated session for claiming and marking.
	 * @param member the member id (names the session, so that a frozen member's sessions
	 * can be found)
	 * @return a new session, owning no lane yet
	 * @throws SQLException when the database cannot be reached
	 */
	OutboxSession openSession(int member) throws SQLException {
		Connection connection = connect(Membership.applicationName(member));
		try {
			return new OutboxSession(connection, this.keepPublishedRows);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private Connection connect(String applicationName) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.config.username());
		properties.setProperty("password", this.config.password());
		properties.setProperty("ApplicationName", applicationName);
		properties.setProperty("connectTimeout", "5");
		// bounds every statement on a connection whose peer vanished without a FIN; above
		// the longest LISTEN wait (the poll interval sets its own, shorter, timeout)
		properties.setProperty("socketTimeout", "60");
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(this.config.url(), properties);
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
