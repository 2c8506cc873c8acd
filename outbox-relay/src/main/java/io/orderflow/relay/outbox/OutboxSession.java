package io.orderflow.relay.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGStatement;

/**
 * A dedicated connection to one source database through which this instance competes for,
 * and exercises, leadership of that source.
 * <p>
 * <b>Leadership</b> is a PostgreSQL session advisory lock ({@link #LEADER_LOCK}): at most
 * one session per database holds it, and the server releases it when the session ends,
 * also when the leader's process dies (its socket closes) or its host vanishes (the
 * session's TCP keepalives, set here, give up after about 25 seconds). There is no lease
 * to renew and no bookkeeping table. Every statement of the leader runs on this very
 * session, so a leader whose session was lost, and with it the lock, can no longer mark
 * anything: its next statement fails and it steps down.
 * <p>
 * Not thread-safe: used by one relay thread.
 */
final class OutboxSession implements AutoCloseable {

	/**
	 * Key of the leader's advisory lock: {@code "outbox"} in ASCII. Advisory locks are
	 * scoped to a database, so every source database has a leader of its own.
	 */
	static final long LEADER_LOCK = 0x6F7574626F78L;

	/**
	 * Channel notified by the outbox table's trigger when an inserting transaction
	 * commits.
	 */
	static final String CHANNEL = "outbox";

	private static final String CLAIM = """
			SELECT id, event_id::text, aggregate_id, event_type, topic, payload, headers ->> 'traceparent',
			       (extract(epoch FROM clock_timestamp() - created_at) * 1000000)::bigint
			FROM outbox o
			WHERE published_at IS NULL
			  AND NOT EXISTS (SELECT 1 FROM unnest(?::bigint[], ?::bigint[]) AS f(low, high)
			                  WHERE o.id BETWEEN f.low AND f.high)
			  AND NOT EXISTS (SELECT 1 FROM outbox_parked p WHERE p.aggregate_id = o.aggregate_id AND p.id < o.id)
			ORDER BY id
			LIMIT ?""";

	// moves one row, with the reason, out of the outbox; the claim then leaves out the
	// rows of its aggregate after it (those before it, sent in the same failed batch, go
	// out again)
	private static final String PARK = """
			WITH parked AS (DELETE FROM outbox WHERE id = ? RETURNING *)
			INSERT INTO outbox_parked (id, event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers,
			                           created_at, reason)
			SELECT id, event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers, created_at, ?
			FROM parked""";

	// acknowledged ids as runs of consecutive ids, like the claim's
	// in-flight ids: a few ranges, planned in microseconds on every call
	// (a plan for 2000 single ids took longer than publishing them), and
	// read by index ranges whatever the table's size
	private static final String MARK = """
			UPDATE outbox o SET published_at = now()
			FROM unnest(?::bigint[], ?::bigint[]) AS r(low, high)
			WHERE o.id BETWEEN r.low AND r.high""";

	private static final String DELETE = """
			DELETE FROM outbox o
			USING unnest(?::bigint[], ?::bigint[]) AS r(low, high)
			WHERE o.id BETWEEN r.low AND r.high""";

	private final Connection connection;

	private final PGConnection notifications;

	private final PreparedStatement claim;

	private final PreparedStatement mark;

	/**
	 * @param connection a dedicated connection, closed with the session
	 * @param keepPublishedRows whether {@link #markPublished(long[])} sets
	 * {@code published_at} (the rows stay until clean-up) or deletes the rows
	 * @throws SQLException when the session cannot be set up
	 */
	OutboxSession(Connection connection, boolean keepPublishedRows) throws SQLException {
		this.connection = connection;
		this.notifications = connection.unwrap(PGConnection.class);
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			// the server drops (and unlocks) a session whose client stopped answering
			// after idle + interval * count = 10 + 5 * 3 seconds
			statement.execute("SET tcp_keepalives_idle = 10");
			statement.execute("SET tcp_keepalives_interval = 5");
			statement.execute("SET tcp_keepalives_count = 3");
			statement.execute("SET statement_timeout = '30s'");
			// a mark lost in a database crash only means the row is published again
			// (at least once); no reason to wait for the WAL flush on every round
			statement.execute("SET synchronous_commit = off");
		}
		this.claim = connection.prepareStatement(CLAIM);
		this.mark = connection.prepareStatement(keepPublishedRows ? MARK : DELETE);
		// planned for its own ranges on every call, never by a plan the
		// server kept: a kept plan of the old mark (id = ANY($1)), made while
		// the table was small, went on scanning the whole table once it had
		// grown (1,300 buffers a call at 150 orders/s, no autovacuum). Not the
		// claim: planned on every call, it chose a full scan and sort of a
		// 100k backlog (31k rows/s instead of 146k)
		this.mark.unwrap(PGStatement.class).setPrepareThreshold(0);
	}

	/**
	 * Tries to become leader without waiting.
	 * @return whether this session holds the leader lock (also when it held it already)
	 * @throws SQLException when the session is lost
	 */
	boolean tryLead() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, LEADER_LOCK);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	/**
	 * Subscribes to commit notifications of the outbox table.
	 * @throws SQLException when the session is lost
	 */
	void listen() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("LISTEN " + CHANNEL);
		}
	}

	/**
	 * Waits until a transaction that inserted outbox rows commits, or the timeout passes.
	 * Notifications that arrived earlier count: none is lost while the session lives.
	 * (They are not drained before a claim, although the claim may see their rows
	 * already: the driver's non-blocking check waits a millisecond on the socket, an
	 * empty claim costs less.)
	 * @param timeout longest wait
	 * @return whether a notification arrived
	 * @throws SQLException when the session is lost
	 */
	boolean awaitNotification(Duration timeout) throws SQLException {
		PGNotification[] received = this.notifications.getNotifications((int) Math.max(1, timeout.toMillis()));
		return received != null && received.length > 0;
	}

	/**
	 * Reads the oldest unpublished rows, in id order, leaving out the aggregates that
	 * have a parked row ({@link #park}). Never a high-water mark: an identity value is
	 * allocated at insert, not at commit, so a row with a lower id may become visible
	 * after rows with higher ids were published; it is still {@code published_at IS NULL}
	 * and is found by the next claim.
	 * @param limit most rows
	 * @param inFlight ids of rows sent but not yet marked, to leave out
	 * @return the rows, lowest id first
	 * @throws SQLException when the session is lost
	 */
	List<OutboxRow> claim(int limit, long[] inFlight) throws SQLException {
		// in-flight ids as runs of consecutive ids: usually one or a few, which
		// PostgreSQL checks much faster than a list of every id
		long[][] runs = runs(inFlight);
		Array lows = bigints(runs[0]);
		Array highs = bigints(runs[1]);
		List<OutboxRow> rows = new ArrayList<>(limit);
		try {
			this.claim.setArray(1, lows);
			this.claim.setArray(2, highs);
			this.claim.setInt(3, limit);
			long claimedAt = System.nanoTime();
			try (ResultSet result = this.claim.executeQuery()) {
				while (result.next()) {
					rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3),
							result.getString(4), result.getString(5), result.getBytes(6), result.getString(7),
							result.getLong(8) * 1_000, claimedAt));
				}
			}
		}
		finally {
			lows.free();
			highs.free();
		}
		return rows;
	}

	/**
	 * @param ids ids, best in ascending order (then the runs are fewest)
	 * @return the lowest and the highest id of each run of consecutive ids; every id of
	 * every run is one of the given ids
	 */
	static long[][] runs(long[] ids) {
		long[] lows = new long[ids.length];
		long[] highs = new long[ids.length];
		int runs = 0;
		for (int i = 0; i < ids.length; i++) {
			if (runs > 0 && ids[i] == highs[runs - 1] + 1) {
				highs[runs - 1] = ids[i];
			}
			else {
				lows[runs] = ids[i];
				highs[runs] = ids[i];
				runs++;
			}
		}
		return new long[][] { Arrays.copyOf(lows, runs), Arrays.copyOf(highs, runs) };
	}

	/**
	 * Marks rows published, in one statement: sets their {@code published_at}, or deletes
	 * them when published rows are not kept. Either way no later claim sees them.
	 * @param ids ids of rows the broker acknowledged, and only those
	 * @throws SQLException when the session is lost
	 */
	void markPublished(long[] ids) throws SQLException {
		long[][] runs = runs(ids);
		Array lows = bigints(runs[0]);
		Array highs = bigints(runs[1]);
		try {
			this.mark.setArray(1, lows);
			this.mark.setArray(2, highs);
			this.mark.executeUpdate();
		}
		finally {
			lows.free();
			highs.free();
		}
	}

	/**
	 * Parks a row that can never be published as it is: moves it to
	 * {@code outbox_parked}, with the reason, in one statement. Until an operator moves
	 * it back, the later rows of its aggregate are not claimed, so its events stay in
	 * order; every other aggregate keeps flowing.
	 * @param id the row
	 * @param reason why it cannot be published
	 * @return whether the row was parked (false when it is gone, e.g. published by an
	 * earlier leader)
	 * @throws SQLException when the session is lost
	 */
	boolean park(long id, String reason) throws SQLException {
		try (PreparedStatement park = this.connection.prepareStatement(PARK)) {
			park.setLong(1, id);
			park.setString(2, reason);
			return park.executeUpdate() == 1;
		}
	}

	private Array bigints(long[] values) throws SQLException {
		Long[] boxed = new Long[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return this.connection.createArrayOf("bigint", boxed);
	}

	/**
	 * Ends the session; the server releases the leader lock with it.
	 */
	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// the session is gone either way, and its lock with it
		}
	}

}
