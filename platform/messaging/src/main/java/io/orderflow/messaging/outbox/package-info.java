/**
 * The writing side of the transactional outbox: events appended in the caller's
 * transaction, published later by outbox-relay.
 */
@NullMarked
package io.orderflow.messaging.outbox;

import org.jspecify.annotations.NullMarked;
