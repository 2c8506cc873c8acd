/**
 * Publishes service outboxes to Kafka.
 */
@NullMarked
package io.orderflow.relay;

import org.jspecify.annotations.NullMarked;
