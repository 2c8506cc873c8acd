/**
 * Consumer conventions: idempotency by event id, retry with backoff, dead letters for
 * what cannot be processed; {@link io.orderflow.messaging.consumer.TopicScan} reads a
 * whole topic for tools and tests.
 */
@NullMarked
package io.orderflow.messaging.consumer;

import org.jspecify.annotations.NullMarked;
