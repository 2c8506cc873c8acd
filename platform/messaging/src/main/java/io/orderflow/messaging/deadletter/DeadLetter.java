package io.orderflow.messaging.deadletter;

import org.jspecify.annotations.Nullable;

/**
 * One record of a dead-letter topic, as operators see it.
 *
 * @param deadLetterTopic the {@code <topic>.dlt} it sits in
 * @param partition its partition
 * @param offset its offset
 * @param key the record key (the order id), when readable as text
 * @param originalTopic the topic it failed on
 * @param originalOffset its offset there
 * @param exception class of the exception that sent it here
 * @param message the exception message
 * @param replayed whether it was replayed already
 */
public record DeadLetter(String deadLetterTopic, int partition, long offset, @Nullable String key,
		@Nullable String originalTopic, @Nullable Long originalOffset, @Nullable String exception,
		@Nullable String message, boolean replayed) {

}
