package io.orderflow.messaging.consumer;

import io.orderflow.service.TransientFailures;

/**
 * A record's value cannot be decoded yet: the schema registry, which it must ask for the
 * writer schema of a content id this process has not seen, cannot be reached or failed.
 * Transient: the record is retried, without a cap, until the registry answers; it is
 * never dead-lettered for this.
 */
public class EventSchemaUnavailableException extends RuntimeException implements TransientFailures.Transient {

	/**
	 * @param record where the record is ({@code topic-partition@offset})
	 * @param cause the registry client's failure
	 */
	public EventSchemaUnavailableException(String record, Throwable cause) {
		super("record " + record + " cannot be decoded yet, the schema registry is unavailable: " + cause, cause);
	}

}
