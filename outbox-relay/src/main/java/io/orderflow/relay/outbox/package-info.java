/**
 * Publishing outbox rows to Kafka: per source database the outbox divided into lanes,
 * each owned by one relay instance at a time (PostgreSQL session advisory locks, spread
 * evenly over the live instances and handed over by draining), woken by
 * {@code LISTEN outbox}, publishing in id order and marking rows only after the broker
 * acknowledged them; plus clean-up of published rows, metrics and health.
 */
@NullMarked
package io.orderflow.relay.outbox;

import org.jspecify.annotations.NullMarked;
