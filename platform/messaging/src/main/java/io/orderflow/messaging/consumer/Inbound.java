package io.orderflow.messaging.consumer;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A received event as the domain needs it: the domain command it carries, and the id of
 * the event, by which {@link EventPipeline} deduplicates it.
 *
 * @param <C> the command type
 * @param eventId id of the event (the producer's, never made up by the consumer)
 * @param command the command for the domain
 */
public record Inbound<C>(UUID eventId, C command) {

	public Inbound {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(command, "command");
	}

	/**
	 * The record value as the event type its topic carries.
	 * @param <T> the event type
	 * @param type the event type (a generated Avro class)
	 * @param value the record value, {@code null} for a tombstone
	 * @return the value
	 * @throws NonRetryableEventException when the value is missing or of another type
	 */
	public static <T> T expect(Class<T> type, @Nullable Object value) {
		if (!type.isInstance(value)) {
			throw new NonRetryableEventException("expected " + type.getSimpleName() + " but got "
					+ ((value != null) ? value.getClass().getName() : "no value (tombstone)"));
		}
		return type.cast(value);
	}

}
