package io.orderflow.messaging.consumer;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer idempotency by event id: {@link EventPipeline} claims the events of a batch in
 * the same transaction as their effects; a redelivered event finds its id taken and
 * changes nothing.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	public ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records events as processed, in one statement; must run inside the transaction that
	 * applies their effects.
	 * @param eventIds the event ids (one may occur more than once)
	 * @param topics the topic each came from (for operators), one per event id
	 * @return the ids that were new, once each: their effects must be applied; the others
	 * are redeliveries
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> claim(List<UUID> eventIds, List<String> topics) {
		if (eventIds.size() != topics.size()) {
			throw new IllegalArgumentException(eventIds.size() + " event ids but " + topics.size() + " topics");
		}
		if (eventIds.isEmpty()) {
			return List.of();
		}
		// array parameters: one statement text (one prepared statement) for any batch
		// size; ON CONFLICT DO NOTHING also skips an id repeated within the batch
		return this.jdbc
			.sql("INSERT INTO processed_events (event_id, topic)"
					+ " SELECT id, topic FROM unnest(CAST(:ids AS uuid[]), CAST(:topics AS text[])) AS t(id, topic)"
					+ " ON CONFLICT DO NOTHING RETURNING event_id")
			.param("ids", eventIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("topics", topics.toArray(String[]::new))
			.query(UUID.class)
			.list();
	}

}
