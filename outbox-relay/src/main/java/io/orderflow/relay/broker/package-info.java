/**
 * The relay's view of the broker: consumer-group lag as the broker sees it, exported for
 * Prometheus, and the broker's health.
 */
@NullMarked
package io.orderflow.relay.broker;

import org.jspecify.annotations.NullMarked;
