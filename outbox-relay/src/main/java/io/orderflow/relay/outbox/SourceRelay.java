package io.orderflow.relay.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import io.orderflow.relay.config.RelayProperties;
import io.orderflow.relay.outbox.BatchPublisher.InFlight;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the lanes of one source database's outbox that this instance owns, at least
 * once, in commit order per aggregate; runs on a thread of its own until stopped.
 * <p>
 * <b>Lanes.</b> Every row has a lane, a stable hash of its aggregate id ({@link Lanes});
 * each lane is owned by one instance at a time. The thread joins the source's relay group
 * ({@link Membership}: a member lock and a heartbeat) and opens an {@link OutboxSession};
 * every {@code takeover-interval} it looks at the live members and the lanes' owners
 * ({@link LaneView}) and moves towards its share: lane {@code l} belongs to the member of
 * rank {@code l mod members}. A lane that is no longer its own is handed over by
 * draining: the instance claims nothing more of it, finishes and marks everything it has
 * in flight, and only then releases the lane's lock, which the new owner takes at its
 * next look. A lane whose owner died is free as soon as the server ended its session; a
 * frozen owner's sessions are ended by the others after {@code member-timeout}. So any
 * number of instances may run, the lanes spread evenly over them, and two instances never
 * publish one lane at once.
 * <p>
 * <b>Publishing.</b> The instance claims the oldest unpublished rows of its lanes in id
 * order (leaving out rows still in flight), hands them to the producer and, once the
 * broker answered, marks exactly the acknowledged rows published, one statement per
 * batch. A row is never marked unless its send succeeded. After a failure, the batches in
 * flight are completed and marked as far as acknowledged, and the instance starts again,
 * after an exponential backoff, from the oldest unpublished row: a failure or a crash
 * between send and mark causes duplicates, never loss. Under a backlog (a full batch) one
 * batch stays in flight while the next one is claimed and sent, so that database and
 * broker round trips overlap; otherwise the instance sends at once, completes the batch
 * and waits for {@code NOTIFY outbox} of one of its lanes (sent by the table's trigger
 * when a writing transaction commits), at most {@code poll-interval}.
 * <p>
 * <b>Rows that can never be published</b> ({@link Unpublishable}: too large, a topic that
 * does not exist) are parked, moved to {@code outbox_parked} with the reason, and the
 * relay goes on at once; the later rows of the same aggregate wait behind it (the claim
 * leaves them out) until an operator moves it back. <b>An instance that publishes
 * nothing</b> for {@code step-down-after} (every send failing, e.g. it cannot reach the
 * broker while others can) leaves the group, its lanes with it, and sits out a few
 * takeover intervals, so that the others take its lanes over.
 * <p>
 * <b>Ordering assumption.</b> Per aggregate, id order must equal commit order. Identity
 * values are allocated at insert, so this holds because every service transaction that
 * appends an event for an aggregate first locks that aggregate's row (and keeps the lock
 * until commit): a second transaction for the same aggregate can allocate its id only
 * after the first one committed. Events of different aggregates may commit out of id
 * order; a late-committing lower id is simply picked up by a later claim (rows are
 * claimed by {@code published_at IS NULL}, never by a high-water mark). An aggregate's
 * rows are all in one lane; the one producer keeps send order per partition, across the
 * batches in flight too, and acknowledges nothing behind a failed record (see
 * {@link BatchPublisher}); across a change of owner, the new owner starts from the lane's
 * oldest unpublished row, so whatever the old one sent without marking is sent again
 * after it, preserving the order of first occurrences.
 */
final class SourceRelay implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(SourceRelay.class);

	private final OutboxSource source;

	private final BatchPublisher publisher;

	private final SourceMetrics metrics;

	private final RelayProperties properties;

	private final StopSignal stop;

	private final Unpublishable unpublishable;

	private boolean failing;

	private boolean steppedDown;

	private boolean warnedLegacyLeader;

	/**
	 * Most runs of consecutive ids in flight for which the next claim overlaps with the
	 * batch in flight; beyond it, the batch is completed before the next claim.
	 */
	private static final int MAX_IN_FLIGHT_RUNS = 64;

	SourceRelay(OutboxSource source, BatchPublisher publisher, SourceMetrics metrics, RelayProperties properties,
			StopSignal stop, Unpublishable unpublishable) {
		this.source = source;
		this.publisher = publisher;
		this.metrics = metrics;
		this.properties = properties;
		this.stop = stop;
		this.unpublishable = unpublishable;
	}

	String name() {
		return this.source.name();
	}

	@Override
	public void run() {
		this.source.status().relayRunning(true);
		try {
			while (!this.stop.isStopped()) {
				try (Membership membership = this.source.join(this.properties.memberTimeout());
						OutboxSession session = this.source.openSession(membership.member())) {
					sessionRestored();
					publish(membership, session);
				}
				catch (SQLException ex) {
					sessionFailed(ex);
				}
				catch (RuntimeException ex) {
					// e.g. a producer that cannot be created: keep trying, loudly
					logger.error("Outbox source '{}': publishing failed, retrying in {}", name(),
							this.properties.takeoverInterval(), ex);
				}
				finally {
					lanesReleased();
				}
				// after stepping down, sit out a little longer: the others, which can
				// publish, take the lanes over first
				this.stop.await(this.steppedDown ? this.properties.takeoverInterval().multipliedBy(3)
						: this.properties.takeoverInterval());
				this.steppedDown = false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Error ex) {
			logger.error("Outbox source '{}': relay thread died; no longer publishing", name(), ex);
			throw ex;
		}
		finally {
			this.source.status().relayRunning(false);
		}
	}

	private void sessionFailed(SQLException ex) {
		// once per outage at WARN, not every takeover interval
		if (!this.failing) {
			logger.warn("Outbox source '{}': database session failed, retrying every {}: {}", name(),
					this.properties.takeoverInterval(), ex.getMessage());
		}
		else {
			logger.debug("Outbox source '{}': database session failed again: {}", name(), ex.getMessage());
		}
		this.failing = true;
	}

	private void sessionRestored() {
		if (this.failing) {
			logger.info("Outbox source '{}': database session restored", name());
			this.failing = false;
		}
	}

	private void publish(Membership membership, OutboxSession session) throws SQLException, InterruptedException {
		session.listen();
		OwnedLanes held = new OwnedLanes(session, membership.member());
		Backoff backoff = new Backoff(this.properties.retryBackoff(), this.properties.maxRetryBackoff());
		int batchSize = this.properties.batchSize();
		Deque<InFlight> inFlight = new ArrayDeque<>(2);
		long failingSince = 0;
		long nextLook = System.nanoTime();
		while (!this.stop.isStopped()) {
			if (!membership.isAlive()) {
				complete(session, inFlight, 0);
				throw new SQLException("membership session lost");
			}
			if (System.nanoTime() - nextLook >= 0) {
				rebalance(session, held, inFlight);
				nextLook = System.nanoTime() + this.properties.takeoverInterval().toNanos();
			}
			Duration untilLook = Duration.ofNanos(Math.max(0, nextLook - System.nanoTime()));
			if (held.lanes().isEmpty()) {
				session.awaitNotification(untilLook, Set.of());
				continue;
			}
			long[][] inFlightRuns = OutboxSession.runs(inFlightIds(inFlight));
			if (inFlightRuns[0].length > MAX_IN_FLIGHT_RUNS) {
				// this instance's rows are interleaved with other lanes' ids: the claim
				// would check every candidate against hundreds of id ranges (1,500
				// ranges: 576 ms a claim instead of 4). Finish the batch first, then
				// claim without exclusions
				if (complete(session, inFlight, 0) == Outcome.FAILED) {
					// as after any failed batch (the next one's failure counts towards
					// step-down-after)
					this.stop.await(backoff.next());
					continue;
				}
				inFlightRuns = OutboxSession.runs(new long[0]);
			}
			List<OutboxRow> rows = session.claim(batchSize, inFlightRuns, held.epoch(), held.lanes());
			boolean backlog = rows.size() == batchSize;
			if (!rows.isEmpty()) {
				inFlight.addLast(this.publisher.send(rows));
			}
			if (!backlog) {
				this.publisher.flush();
			}
			// under backlog, the next claim overlaps with the batch in flight
			Outcome outcome = complete(session, inFlight, backlog ? 1 : 0);
			if (outcome == Outcome.FAILED) {
				long now = System.nanoTime();
				failingSince = (failingSince != 0) ? failingSince : now;
				if (now - failingSince > this.properties.stepDownAfter().toNanos()) {
					logger.warn(
							"Outbox source '{}': nothing published for {}, leaving the lanes {} so that another "
									+ "instance may take them over",
							name(), this.properties.stepDownAfter(), held.lanes());
					this.metrics.steppedDown();
					this.steppedDown = true;
					return; // a failed round completed every batch in flight
				}
				this.stop.await(backoff.next());
				continue;
			}
			failingSince = 0;
			if (outcome == Outcome.PARKED) {
				continue; // the rows behind the parked one go out at once
			}
			backoff.reset();
			if (!backlog) {
				session.awaitNotification(min(this.properties.pollInterval(), untilLook), held.lanes());
			}
		}
		// graceful stop: claim nothing more, finish and mark what is in flight
		complete(session, inFlight, 0);
	}

	/**
	 * Looks at the members and the lanes' owners and moves towards this instance's share:
	 * hands over the lanes that are no longer its own (after finishing and marking
	 * everything in flight), then tries to take the free lanes of its share.
	 */
	private void rebalance(OutboxSession session, OwnedLanes held, Deque<InFlight> inFlight)
			throws SQLException, InterruptedException {
		LaneView view = session.view();
		boolean legacyLeader = !session.guardAgainstLegacyLeader();
		if (legacyLeader && !this.warnedLegacyLeader) {
			logger
				.warn("Outbox source '{}': a relay of the kind before lanes holds the leader lock and publishes every "
						+ "row; this instance takes no lane until it stops", name());
		}
		this.warnedLegacyLeader = legacyLeader;
		LaneView.Plan plan = legacyLeader ? new LaneView.Plan(held.keys(), Set.of())
				: view.plan(held.member(), held.keys());
		Set<Integer> before = held.lanes();
		if (!plan.release().isEmpty()) {
			// a lane is let go only once nothing of it is in flight: the next owner
			// starts
			// from its oldest unmarked row
			complete(session, inFlight, 0);
			for (long key : plan.release()) {
				held.release(key);
			}
		}
		for (long key : plan.acquire()) {
			held.tryAcquire(key);
		}
		held.epoch(view.epoch());
		this.source.status().lanes(view.lanes(), view.members().size(), held.lanes());
		if (!before.equals(held.lanes())) {
			logger.info("Outbox source '{}': this instance now publishes lanes {} of {} ({} instances)", name(),
					held.lanes(), view.lanes(), view.members().size());
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * Completes in-flight batches, oldest first, until at most {@code keep} remain, and
	 * marks the acknowledged rows of each; after a failure, completes all of them. A row
	 * that can never be published ({@link Unpublishable}) is parked.
	 * @return whether every completed batch was fully acknowledged, or failed on a row
	 * that is parked now, or failed otherwise
	 */
	private Outcome complete(OutboxSession session, Deque<InFlight> inFlight, int keep)
			throws SQLException, InterruptedException {
		Outcome outcome = Outcome.ACKNOWLEDGED;
		while (inFlight.size() > ((outcome == Outcome.ACKNOWLEDGED) ? keep : 0)) {
			InFlight batch = inFlight.removeFirst();
			PublishResult result = this.publisher.await(batch);
			if (!result.acked().isEmpty()) {
				session.markPublished(result.ackedIds());
				this.metrics.published(result);
			}
			Exception failure = result.failure();
			if (failure != null && outcome == Outcome.ACKNOWLEDGED) {
				outcome = park(session, result.failedRow(), failure) ? Outcome.PARKED : Outcome.FAILED;
				if (outcome == Outcome.FAILED) {
					this.metrics.failed();
					logger.warn("Outbox source '{}': {} of {} rows not acknowledged, retrying: {}", name(),
							batch.rows().size() - result.acked().size(), batch.rows().size(), failure.toString());
				}
			}
		}
		return outcome;
	}

	private boolean park(OutboxSession session, @Nullable OutboxRow row, Exception failure) throws SQLException {
		String reason = (row != null) ? this.unpublishable.reason(row, failure) : null;
		if (row == null || reason == null) {
			return false;
		}
		if (session.park(row.id(), reason)) {
			this.metrics.parked();
			logger.error(
					"Outbox source '{}': row {} (event {} {} of {} for {}) can never be published as it is, "
							+ "parked in outbox_parked; later rows of {} wait behind it: {}",
					name(), row.id(), row.eventType(), row.eventId(), row.aggregateId(), row.topic(), row.aggregateId(),
					reason);
		}
		return true;
	}

	/** What became of the batches completed in one round. */
	private enum Outcome {

		ACKNOWLEDGED, PARKED, FAILED

	}

	private static long[] inFlightIds(Deque<InFlight> inFlight) {
		return inFlight.stream().flatMapToLong((batch) -> LongStream.of(batch.ids())).toArray();
	}

	private void lanesReleased() {
		if (this.source.status().isPublishing()) {
			logger.info("Outbox source '{}': this instance publishes no lane now", name());
		}
		this.source.status().ownsNothing();
	}

}
