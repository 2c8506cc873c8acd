package io.orderflow.benchmark.peers;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A peer outbox as the benchmark drives it: events go in through the peer's own API in
 * a transaction of the peer's database, the peer publishes them to Kafka and marks them;
 * its table answers what is left.
 */
public final class PeerOutbox {

	private final String description;

	private final TransactionTemplate transactions;

	private final Consumer<BenchEvent> store;

	private final JdbcTemplate jdbc;

	private final String unpublished;

	private final String ready;

	private final Acknowledged acknowledged;

	/**
	 * @param description how the peer is named in the report
	 * @param transactions the peer database's transactions
	 * @param store stores one event through the peer's API (in the current transaction)
	 * @param jdbc the peer's database
	 * @param unpublished SQL counting the events stored and not yet marked
	 * @param ready SQL answering whether the peer processes its outbox yet
	 * @param acknowledged the broker's acknowledgements of the peer's records
	 */
	PeerOutbox(String description, TransactionTemplate transactions, Consumer<BenchEvent> store, JdbcTemplate jdbc,
			String unpublished, String ready, Acknowledged acknowledged) {
		this.description = description;
		this.transactions = transactions;
		this.store = store;
		this.jdbc = jdbc;
		this.unpublished = unpublished;
		this.ready = ready;
		this.acknowledged = acknowledged;
	}

	/** How the peer is named in the report, with the settings that matter. */
	public String description() {
		return this.description;
	}

	/** Publishes the events to the outbox in one transaction. */
	public void publish(List<BenchEvent> events) {
		this.transactions.executeWithoutResult((status) -> events.forEach(this.store));
	}

	/** Events stored and not yet marked published (or completed) by the peer. */
	public long unpublished() {
		return this.jdbc.queryForObject(this.unpublished, Long.class);
	}

	/** Whether the peer processes its outbox yet (e.g. owns its partitions). */
	public boolean ready() {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(this.ready, Boolean.class));
	}

	public Acknowledged acknowledged() {
		return this.acknowledged;
	}

}
