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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGStatement;

/**
 * A dedicated connection to one source database through which this instance owns lanes of
 * its outbox and publishes them: it claims their rows, marks them published and parks
 * them.
 * <p>
 * <b>Lanes</b> are owned by PostgreSQL session advisory locks ({@link Lanes#LANE_SPACE},
 * the lane in its epoch): at most one session per database holds a lane, and the server
 * releases it when the session ends, also when the process dies (its socket closes) or
 * its host vanishes (the session's TCP keepalives, set here, give up after about 25
 * seconds); a frozen process's sessions are ended by the others' {@link Membership}
 * heartbeat. Every statement that claims or marks runs on this very session, so an
 * instance whose session was lost, and its lanes with it, can no longer mark anything:
 * its next statement fails and it starts again. The session also holds the relays' former
 * single leader lock shared ({@link Lanes#LEGACY_LEADER_LOCK}).
 * <p>
 * Not thread-safe: used by one relay thread.
 */
final class OutboxSession implements AutoCloseable {

	/**
	 * Channel notified by the outbox table's trigger when an inserting transaction
	 * commits, with the lane as payload (empty when the lane count changed).
	 */
	static final String CHANNEL = "outbox";

	private static final String CLAIM = """
			SELECT id, event_id::text, aggregate_id, event_type, topic, payload, headers ->> 'traceparent',
			       (extract(epoch FROM clock_timestamp() - created_at) * 1000000)::bigint
			FROM outbox o
			WHERE published_at IS NULL
			  AND lane = ANY(?::int[])
			  AND (SELECT epoch FROM outbox_lanes) = ?
			  AND NOT EXISTS (SELECT 1 FROM unnest(?::bigint[], ?::bigint[]) AS f(low, high)
			                  WHERE o.id BETWEEN f.low AND f.high)
			  AND NOT EXISTS (SELECT 1 FROM outbox_parked p WHERE p.aggregate_id = o.aggregate_id AND p.id < o.id)
			ORDER BY id
			LIMIT ?""";

	// moves one row, with the reason, out of the outbox; the claim then leaves out the
	// rows of its aggregate after it (those before it, sent in the same failed batch, go
	// out again)
	// the lane count and epoch, the live members, the lanes other sessions hold (any
	// epoch); pg_locks shows a two-key advisory lock as classid = key 1, objid = key 2,
	// objsubid = 2
	static final String VIEW = """
			SELECT l.lanes, l.epoch,
			       ARRAY(SELECT k.objid::bigint FROM pg_locks k
			             WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 2 AND k.classid = ?::oid
			               AND k.database = d.oid
			             ORDER BY 1),
			       ARRAY(SELECT k.objid::bigint FROM pg_locks k
			             WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 2 AND k.classid = ?::oid
			               AND k.database = d.oid AND k.pid <> pg_backend_pid())
			FROM outbox_lanes l, pg_database d
			WHERE d.datname = current_database()""";

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

	private final PreparedStatement view;

	private boolean legacyGuard;

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
			// the claim walks the partial index of unpublished rows in id order and stops
			// after a batch; it must never sort the whole backlog. A generic plan made
			// while the outbox was empty (an idle relay claims every poll interval, and
			// nothing analyzes a table that just filled up) chose a bitmap scan and a
			// sort: 136 ms a claim of 2000 from a 100k backlog instead of 4 ms. No
			// statement of this session wants a sort it could avoid
			statement.execute("SET enable_sort = off");
			// and never compiles one: with sorts disabled, a statement that must sort
			// anyway (the lanes' view orders its lock keys) costs more than
			// jit_above_cost, and the JIT compiled it on every call: 120-270 ms of a core
			// every takeover interval for a query that runs in 0.2 ms (the relay's
			// steady p99 was 200 ms for it, and each source's session burnt 10% of a
			// core)
			statement.execute("SET jit = off");
		}
		this.claim = connection.prepareStatement(CLAIM);
		this.mark = connection.prepareStatement(keepPublishedRows ? MARK : DELETE);
		this.view = connection.prepareStatement(VIEW);
		this.view.setLong(1, Integer.toUnsignedLong(Lanes.MEMBER_SPACE));
		this.view.setLong(2, Integer.toUnsignedLong(Lanes.LANE_SPACE));
		// planned for its own ranges on every call, never by a plan the
		// server kept: a kept plan of the old mark (id = ANY($1)), made while
		// the table was small, went on scanning the whole table once it had
		// grown (1,300 buffers a call at 150 orders/s, no autovacuum). Not the
		// claim: planned on every call, it chose a full scan and sort of a
		// 100k backlog (31k rows/s instead of 146k)
		this.mark.unwrap(PGStatement.class).setPrepareThreshold(0);
	}

	/**
	 * Reads the lane count, the live members and the lanes held by other sessions.
	 * @return what this instance sees of the source's lanes now
	 * @throws SQLException when the session is lost
	 */
	LaneView view() throws SQLException {
		try (ResultSet result = this.view.executeQuery()) {
			if (!result.next()) {
				throw new SQLException("no row in outbox_lanes: the database lacks the messaging module's migrations");
			}
			List<Integer> members = new ArrayList<>();
			for (Long member : (Long[]) result.getArray(3).getArray()) {
				members.add(member.intValue());
			}
			Set<Long> heldByOthers = new HashSet<>(Arrays.asList((Long[]) result.getArray(4).getArray()));
			return new LaneView(result.getInt(1), result.getInt(2), members, heldByOthers);
		}
	}

	/**
	 * Holds the relays' former leader lock shared (once per session): a relay of the kind
	 * before lanes takes it exclusively and then publishes every lane.
	 * @return whether it is held, false while a relay of the old kind runs: then this
	 * instance must take no lane
	 * @throws SQLException when the session is lost
	 */
	boolean guardAgainstLegacyLeader() throws SQLException {
		if (!this.legacyGuard) {
			try (PreparedStatement statement = this.connection
				.prepareStatement("SELECT pg_try_advisory_lock_shared(?)")) {
				statement.setLong(1, Lanes.LEGACY_LEADER_LOCK);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					this.legacyGuard = result.getBoolean(1);
				}
			}
		}
		return this.legacyGuard;
	}

	/**
	 * Tries to take a lane without waiting.
	 * @param key the lane's lock key ({@link Lanes#laneKey(int, int)})
	 * @return whether this session holds it now
	 * @throws SQLException when the session is lost
	 */
	boolean tryAcquire(long key) throws SQLException {
		return lock("SELECT pg_try_advisory_lock(?, ?)", key);
	}

	/**
	 * Lets go of a lane; the caller has finished and marked everything of it in flight.
	 * @param key the lane's lock key
	 * @throws SQLException when the session is lost
	 */
	void release(long key) throws SQLException {
		lock("SELECT pg_advisory_unlock(?, ?)", key);
	}

	private boolean lock(String sql, long key) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setInt(1, Lanes.LANE_SPACE);
			statement.setInt(2, (int) key);
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
	 * empty claim costs less.) Notifications of lanes this instance does not own are
	 * passed over.
	 * @param timeout longest wait
	 * @param owned the lanes this instance owns
	 * @return whether a notification of an owned lane, or of a change of the lane count,
	 * arrived
	 * @throws SQLException when the session is lost
	 */
	boolean awaitNotification(Duration timeout, Set<Integer> owned) throws SQLException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long left = timeout.toMillis();
		while (left > 0) {
			PGNotification[] received = this.notifications.getNotifications((int) Math.max(1, left));
			if (received != null) {
				for (PGNotification notification : received) {
					String lane = notification.getParameter();
					if (lane.isEmpty() || owned.contains(Integer.valueOf(lane))) {
						return true;
					}
				}
			}
			left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		}
		return false;
	}

	/**
	 * Reads the oldest unpublished rows, in id order, leaving out the aggregates that
	 * have a parked row ({@link #park}). Never a high-water mark: an identity value is
	 * allocated at insert, not at commit, so a row with a lower id may become visible
	 * after rows with higher ids were published; it is still {@code published_at IS NULL}
	 * and is found by the next claim. Only rows of the given lanes, and none at all once
	 * the lane count's epoch is no longer the given one: from the commit of a change of
	 * the count on, nothing is claimed in the old division.
	 * @param limit most rows
	 * @param inFlight ids of rows sent but not yet marked, to leave out, as runs of
	 * consecutive ids ({@link #runs(long[])})
	 * @param epoch the epoch of the lanes this instance holds
	 * @param lanes the lanes it holds
	 * @return the rows, lowest id first
	 * @throws SQLException when the session is lost
	 */
	List<OutboxRow> claim(int limit, long[][] inFlight, int epoch, Set<Integer> lanes) throws SQLException {
		// in-flight ids as runs of consecutive ids: usually one or a few, which
		// PostgreSQL checks much faster than a list of every id
		Array lows = bigints(inFlight[0]);
		Array highs = bigints(inFlight[1]);
		Array laneArray = this.connection.createArrayOf("integer", lanes.toArray());
		List<OutboxRow> rows = new ArrayList<>(limit);
		try {
			this.claim.setArray(1, laneArray);
			this.claim.setInt(2, epoch);
			this.claim.setArray(3, lows);
			this.claim.setArray(4, highs);
			this.claim.setInt(5, limit);
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
			laneArray.free();
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
	 * Ends the session; the server releases its lane locks with it.
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
