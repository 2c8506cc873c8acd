package io.orderflow.relay.outbox;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;

import io.orderflow.relay.config.RelayProperties;
import io.orderflow.relay.outbox.BatchPublisher.InFlight;
import io.orderflow.relay.outbox.SourceStatus.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox of one source database, at least once, in commit order per
 * aggregate; runs on a thread of its own until stopped.
 * <p>
 * <b>Leadership.</b> The thread opens an {@link OutboxSession} and tries to become leader
 * every {@code takeover-interval}; as a standby it publishes nothing. So any number of
 * relay instances may run: one publishes, the others take over within about a takeover
 * interval of the leader's session ending (process exit, crash, lost connection).
 * <p>
 * <b>Publishing.</b> The leader claims the oldest unpublished rows in id order (leaving
 * out rows still in flight), hands them to the producer and, once the broker answered,
 * marks exactly the acknowledged rows published, one statement per batch. A row is never
 * marked unless its send succeeded. After a failure, the batches in flight are completed
 * and marked as far as acknowledged, and the leader starts again, after an exponential
 * backoff, from the oldest unpublished row: a failure or a crash between send and mark
 * causes duplicates, never loss. Under a backlog (a full batch) one batch stays in flight
 * while the next one is claimed and sent, so that database and broker round trips
 * overlap; otherwise the leader sends at once, completes the batch and waits for
 * {@code NOTIFY outbox}, sent by the table's trigger when a writing transaction commits,
 * or at most {@code poll-interval}.
 * <p>
 * <b>Rows that can never be published</b> ({@link Unpublishable}: too large, a topic that
 * does not exist) are parked, moved to {@code outbox_parked} with the reason, and the
 * relay goes on at once; the later rows of the same aggregate wait behind it (the claim
 * leaves them out) until an operator moves it back. <b>A leader that publishes
 * nothing</b> for {@code step-down-after} (every send failing, e.g. it cannot reach the
 * broker while others can) gives up its leadership and sits out a few takeover intervals,
 * so that a standby takes over.
 * <p>
 * <b>Ordering assumption.</b> Per aggregate, id order must equal commit order. Identity
 * values are allocated at insert, so this holds because every service transaction that
 * appends an event for an aggregate first locks that aggregate's row (and keeps the lock
 * until commit): a second transaction for the same aggregate can allocate its id only
 * after the first one committed. Events of different aggregates may commit out of id
 * order; a late-committing lower id is simply picked up by a later claim (rows are
 * claimed by {@code published_at IS NULL}, never by a high-water mark). The one producer
 * keeps send order per partition, across the batches in flight too, and acknowledges
 * nothing behind a failed record (see {@link BatchPublisher}); across a change of leader,
 * the new leader starts from the oldest unpublished row, so whatever the old one sent
 * without marking is sent again after it, preserving the order of first occurrences.
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
				try (OutboxSession session = this.source.openSession()) {
					if (awaitLeadership(session)) {
						lead(session);
					}
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
					stepDown();
				}
				// after stepping down, sit out a little longer: a standby that can
				// publish
				// takes over first
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

	private boolean awaitLeadership(OutboxSession session) throws SQLException, InterruptedException {
		boolean leader = session.tryLead();
		if (this.failing) {
			logger.info("Outbox source '{}': database session restored", name());
			this.failing = false;
		}
		while (!leader) {
			if (this.stop.await(this.properties.takeoverInterval())) {
				return false;
			}
			leader = session.tryLead();
		}
		return !this.stop.isStopped();
	}

	private void lead(OutboxSession session) throws SQLException, InterruptedException {
		session.listen();
		this.source.status().role(Role.LEADER);
		logger.info("Outbox source '{}': this instance is now the leader", name());
		Backoff backoff = new Backoff(this.properties.retryBackoff(), this.properties.maxRetryBackoff());
		int batchSize = this.properties.batchSize();
		Deque<InFlight> inFlight = new ArrayDeque<>(2);
		long failingSince = 0;
		while (!this.stop.isStopped()) {
			List<OutboxRow> rows = session.claim(batchSize, inFlightIds(inFlight));
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
					logger.warn("Outbox source '{}': nothing published for {}, stepping down so that another "
							+ "instance may take over", name(), this.properties.stepDownAfter());
					this.metrics.steppedDown();
					this.steppedDown = true;
					return;
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
				session.awaitNotification(this.properties.pollInterval());
			}
		}
		// graceful stop: claim nothing more, finish and mark what is in flight
		complete(session, inFlight, 0);
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

	private void stepDown() {
		if (this.source.status().isLeader()) {
			logger.info("Outbox source '{}': no longer the leader", name());
		}
		this.source.status().role(Role.STANDBY);
	}

}
