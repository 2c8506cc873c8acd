/**
 * Consumer-group lag as the broker sees it, exported for Prometheus.
 */
@NullMarked
package io.orderflow.relay.lag;

import org.jspecify.annotations.NullMarked;
