/**
 * Dead-letter topics: listing their records and replaying them to the source topic once
 * the cause is fixed.
 */
@NullMarked
package io.orderflow.messaging.deadletter;

import org.jspecify.annotations.NullMarked;
