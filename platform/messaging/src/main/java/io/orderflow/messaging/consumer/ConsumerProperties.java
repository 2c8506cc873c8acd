package io.orderflow.messaging.consumer;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retry policy of every consumer ({@code orderflow.consumer.*}). Transient failures (a
 * dependency down or busy) are retried with exponential backoff for as long as they last;
 * failures nobody classified are retried {@code maxRetries} times with the same backoff
 * (about a minute with the defaults), then dead-lettered.
 *
 * @param initialInterval first backoff
 * @param multiplier growth factor of the backoff
 * @param maxInterval longest single backoff
 * @param maxRetries retries of an unclassified failure before the record goes to
 * {@code <topic>.dlt} (transient failures are retried without a cap)
 * @param topicPartitions partitions of the saga topics and their dead-letter topics
 * (declared on startup)
 * @param topicReplicas replication factor of declared topics
 * @param deadLetterRetention how long a dead-letter topic keeps its records
 */
@ConfigurationProperties("orderflow.consumer")
@Validated
public record ConsumerProperties(@DefaultValue("500ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval,
		@DefaultValue("9") @Min(0) int maxRetries,
		@DefaultValue("" + SagaTopics.DEFAULT_PARTITIONS) @Min(1) int topicPartitions,
		@DefaultValue("1") @Min(1) short topicReplicas,
		@DefaultValue(SagaTopics.DEFAULT_DEAD_LETTER_RETENTION) Duration deadLetterRetention) {

}
