package io.orderflow.benchmark.peers;

import java.util.List;

/**
 * A peer outbox as the benchmark drives it: events go in through the peer's own API in
 * a transaction of the peer's database, the peer publishes them to Kafka and marks them.
 */
public interface PeerOutbox {

	/** How the peer is named in the report, with the settings that matter. */
	String description();

	/** Publishes the events to the outbox in one transaction. */
	void publish(List<BenchEvent> events);

	/** Events stored and not yet marked published (or completed) by the peer. */
	long unpublished();

	/** Whether the peer processes its outbox yet (e.g. owns its partitions). */
	boolean ready();

	Acknowledged acknowledged();

}
