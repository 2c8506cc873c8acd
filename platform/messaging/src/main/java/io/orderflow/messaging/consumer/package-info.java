/**
 * Consumer conventions: idempotency by event id, retry with backoff, dead letters for
 * what cannot be processed.
 */
@NullMarked
package io.orderflow.messaging.consumer;

import org.jspecify.annotations.NullMarked;
