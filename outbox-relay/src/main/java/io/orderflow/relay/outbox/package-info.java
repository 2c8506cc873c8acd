/**
 * Publishing outbox rows to Kafka: per source database one leader (a PostgreSQL session
 * advisory lock), woken by {@code LISTEN outbox}, publishing in id order and marking rows
 * only after the broker acknowledged them; plus clean-up of published rows, metrics and
 * health.
 */
@NullMarked
package io.orderflow.relay.outbox;

import org.jspecify.annotations.NullMarked;
