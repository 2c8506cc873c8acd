/**
 * Metric conventions shared by the services.
 */
@NullMarked
package io.orderflow.messaging.metrics;

import org.jspecify.annotations.NullMarked;
