package io.orderflow.messaging.outbox;

import io.orderflow.service.TransientFailures;
import org.jspecify.annotations.Nullable;

/**
 * An event cannot be appended yet: the schema of its topic has not been resolved in the
 * registry since the service started ({@link OutboxSchemas}). Transient: nothing was
 * written; the same call succeeds once the registry has answered.
 */
public class OutboxSchemaUnavailableException extends RuntimeException implements TransientFailures.Transient {

	/**
	 * @param topic the event's topic
	 * @param lastFailure why the last resolution failed, if one did
	 */
	public OutboxSchemaUnavailableException(String topic, @Nullable String lastFailure) {
		super("The schema of " + topic + " is not resolved yet (schema registry unavailable since the service started"
				+ ((lastFailure != null) ? ": " + lastFailure : "") + ")");
	}

}
