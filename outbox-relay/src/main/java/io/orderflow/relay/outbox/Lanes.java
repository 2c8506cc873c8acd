package io.orderflow.relay.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How the outbox is divided into lanes, and the advisory locks by which relay instances
 * own them (migration {@code V0_4__outbox_lanes.sql} in the messaging module).
 * <p>
 * A row's lane is computed by the database at insert ({@code outbox_lane()}: the first 32
 * bits of the MD5 of the aggregate id, unsigned, modulo the lane count) and stored with
 * it; {@link #laneOf(String, int)} computes the same here. Every advisory lock of the
 * relay uses the two-key form, whose first key names what is locked:
 * <ul>
 * <li>{@link #MEMBER_SPACE}: a relay instance's membership of a source, held by its
 * heartbeat session ({@link Membership}); the second key is the instance's member
 * id;</li>
 * <li>{@link #LANE_SPACE}: a lane, held by the session that claims and marks its rows
 * ({@link OutboxSession}); the second key is {@link #laneKey(int, int)}, the lane in its
 * epoch, so that lanes of the division before a change of the count never collide with
 * lanes after it.</li>
 * </ul>
 */
final class Lanes {

	/** Most lanes; the database checks the same bound. */
	static final int MAX_LANES = 1024;

	/** {@code "outm"} in ASCII: membership locks. */
	static final int MEMBER_SPACE = 0x6F75746D;

	/** {@code "outl"} in ASCII: lane locks. */
	static final int LANE_SPACE = 0x6F75746C;

	/**
	 * The single leader lock of relays before lanes ({@code "outbox"} in ASCII, one-key
	 * form). Instances with lanes hold it shared, so that a relay of the old kind, which
	 * takes it exclusively and then publishes every row, can never run beside them, and
	 * they take no lane while one runs.
	 */
	static final long LEGACY_LEADER_LOCK = 0x6F7574626F78L;

	private Lanes() {
	}

	/**
	 * @param aggregateId the aggregate (the record key)
	 * @param lanes the lane count
	 * @return the lane the database assigns to the aggregate's rows under that count
	 */
	static int laneOf(String aggregateId, int lanes) {
		byte[] digest = md5(aggregateId.getBytes(StandardCharsets.UTF_8));
		long first32 = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
				| (digest[3] & 0xFFL);
		return (int) (first32 % lanes);
	}

	/**
	 * @param epoch the lane count's epoch
	 * @param lane a lane of that epoch
	 * @return the second key of the lane's advisory lock
	 */
	static int laneKey(int epoch, int lane) {
		return epoch * MAX_LANES + lane;
	}

	/**
	 * @param key the second key of a lane lock
	 * @return its epoch
	 */
	static int epochOf(long key) {
		return (int) (key / MAX_LANES);
	}

	/**
	 * @param key the second key of a lane lock
	 * @return its lane
	 */
	static int laneOfKey(long key) {
		return (int) (key % MAX_LANES);
	}

	/**
	 * One lane's unpublished rows at a measurement.
	 *
	 * @param lane the lane
	 * @param rows its unpublished rows
	 * @param oldestAgeSeconds age of its oldest unpublished row, 0 without backlog
	 */
	record Backlog(int lane, long rows, double oldestAgeSeconds) {

	}

	private static byte[] md5(byte[] bytes) {
		try {
			return MessageDigest.getInstance("MD5").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is a required algorithm of every JVM", ex);
		}
	}

}
