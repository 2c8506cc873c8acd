package io.orderflow.messaging.consumer;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer idempotency by event id: {@link EventPipeline} claims each event in the same
 * transaction as its effect; a redelivered event finds its id taken and changes nothing.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	public ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an event as processed; must run inside the transaction that applies the
	 * event's effect.
	 * @param eventId the event id
	 * @param topic the topic it came from (for operators)
	 * @return {@code true} when the event is new and its effect must be applied,
	 * {@code false} for a redelivery
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean claim(UUID eventId, String topic) {
		return this.jdbc
			.sql("INSERT INTO processed_events (event_id, topic) VALUES (:eventId, :topic) ON CONFLICT DO NOTHING")
			.param("eventId", eventId)
			.param("topic", topic)
			.update() == 1;
	}

}
