package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's membership of one source's relay group: a dedicated connection that
 * holds the member's advisory lock ({@link Lanes#MEMBER_SPACE}, the member id) and, from
 * a thread of its own, runs a statement every fifth of the member timeout, its heartbeat.
 * <p>
 * <b>Members that stopped without leaving.</b> A process that is frozen (SIGSTOP, a VM
 * paused, a stop-the-world pause) keeps its TCP connections, and with them its locks: the
 * server's keepalives are answered by the kernel. So the heartbeat statement also ends
 * the sessions of every member whose membership session has run no statement for the
 * member timeout: {@code pg_terminate_backend} of each session with that member's
 * application name (its membership and its lane session), which releases its lanes. When
 * such a process resumes, its statements fail on the terminated session and it marks
 * nothing; it joins again as a new member. The relay instances of a source must connect
 * with one role (or a role allowed to signal the others' backends).
 * <p>
 * The connection is closed when the membership ends, and its lock with it.
 */
final class Membership implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Membership.class);

	// the sessions of each member whose membership session has been idle for longer than
	// the member timeout; a statement of ours, so it is our heartbeat too
	private static final String END_FROZEN_MEMBERS = """
			SELECT count(pg_terminate_backend(a.pid))
			FROM pg_stat_activity a
			WHERE a.datname = current_database()
			  AND a.pid <> pg_backend_pid()
			  AND a.application_name IN (
			      SELECT m.application_name
			      FROM pg_locks k JOIN pg_stat_activity m ON m.pid = k.pid
			      WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 2 AND k.classid = ?::oid
			        AND k.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			        AND m.pid <> pg_backend_pid() AND m.state = 'idle'
			        AND m.state_change < clock_timestamp() - make_interval(secs => ?)
			        AND m.application_name LIKE 'outbox-relay member %')""";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private final String source;

	private final int member;

	private final Connection connection;

	private final Duration timeout;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Thread heartbeat;

	private volatile boolean alive = true;

	private boolean warnedPrivilege;

	/**
	 * @param source the source's name, for logs
	 * @param member the member id whose lock the connection holds
	 * @param connection a dedicated connection holding the member lock, closed with the
	 * membership
	 * @param timeout how long a member's heartbeat may be missing before its sessions are
	 * ended
	 */
	Membership(String source, int member, Connection connection, Duration timeout) {
		this.source = source;
		this.member = member;
		this.connection = connection;
		this.timeout = timeout;
		this.heartbeat = new Thread(this::beat, "outbox-relay-heartbeat-" + source);
		this.heartbeat.setDaemon(true);
		this.heartbeat.start();
	}

	/**
	 * @return the application name of a member's sessions
	 * @param member a member id
	 */
	static String applicationName(int member) {
		return "outbox-relay member " + member;
	}

	/**
	 * Tries to join as a member.
	 * @param connection a dedicated connection, opened with {@link #applicationName(int)}
	 * @param member the member id
	 * @return whether the member lock was taken (false: the id is in use)
	 * @throws SQLException when the connection fails
	 */
	static boolean tryJoin(Connection connection, int member) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			statement.setInt(1, Lanes.MEMBER_SPACE);
			statement.setInt(2, member);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	int member() {
		return this.member;
	}

	/**
	 * @return whether the membership session still answered at the last heartbeat; once
	 * false, this instance must hand over its lanes and join again
	 */
	boolean isAlive() {
		return this.alive;
	}

	private void beat() {
		Duration interval = this.timeout.dividedBy(5);
		try (PreparedStatement statement = this.connection.prepareStatement(END_FROZEN_MEMBERS)) {
			statement.setLong(1, Integer.toUnsignedLong(Lanes.MEMBER_SPACE));
			statement.setDouble(2, this.timeout.toMillis() / 1000.0);
			while (!this.closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
				endFrozenMembers(statement);
			}
		}
		catch (SQLException ex) {
			if (this.closed.getCount() > 0) {
				logger.warn("Outbox source '{}': membership session lost, handing over this instance's lanes: {}",
						this.source, ex.getMessage());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.alive = false;
		}
	}

	private void endFrozenMembers(PreparedStatement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery()) {
			result.next();
			int ended = result.getInt(1);
			if (ended > 0) {
				logger.warn("Outbox source '{}': ended {} sessions of relay instances that stopped answering for {}; "
						+ "their lanes are free", this.source, ended, this.timeout);
			}
		}
		catch (SQLException ex) {
			if (!INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
				throw ex;
			}
			// the statement ran (our heartbeat) but may not signal another role's
			// backends
			if (!this.warnedPrivilege) {
				logger.warn("Outbox source '{}': may not end the sessions of a frozen relay instance ({}): connect "
						+ "every instance with the same role", this.source, ex.getMessage());
				this.warnedPrivilege = true;
			}
		}
	}

	/**
	 * Leaves: stops the heartbeat and closes the connection, which releases the member
	 * lock.
	 */
	@Override
	public void close() {
		this.closed.countDown();
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// the lock goes with the session either way
		}
		try {
			this.heartbeat.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void configure(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET statement_timeout = '5s'");
			// short catalog queries: JIT compilation never pays (see OutboxSession)
			statement.execute("SET jit = off");
		}
	}

}
