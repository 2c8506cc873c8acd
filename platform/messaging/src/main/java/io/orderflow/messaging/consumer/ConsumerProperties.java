package io.orderflow.messaging.consumer;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retry policy of every consumer ({@code orderflow.consumer.*}). Transient failures
 * (database down) are retried with exponential backoff; the defaults retry for about a
 * minute in total, longer than a database restart, so a short outage never sends records
 * to the dead-letter topic.
 *
 * @param initialInterval first backoff
 * @param multiplier growth factor of the backoff
 * @param maxInterval longest single backoff
 * @param maxRetries retries before the record goes to {@code <topic>.dlt}
 * @param topicPartitions partitions of the saga topics and their dead-letter topics
 * (declared on startup)
 * @param topicReplicas replication factor of declared topics
 */
@ConfigurationProperties("orderflow.consumer")
@Validated
public record ConsumerProperties(@DefaultValue("500ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval,
		@DefaultValue("9") @Min(0) int maxRetries, @DefaultValue("3") @Min(1) int topicPartitions,
		@DefaultValue("1") @Min(1) short topicReplicas) {

}
