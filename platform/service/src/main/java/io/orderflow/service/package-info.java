/**
 * What every Orderflow service shares, shipped once: the configuration defaults
 * ({@code orderflow-defaults.yml}, lowest precedence), a UTC {@link java.time.Clock}
 * unless the service defines one, {@link io.orderflow.service.AfterCommit} for metrics
 * that count committed work only, and the {@link io.orderflow.service.OrderId} of the
 * saga's participants.
 */
@NullMarked
package io.orderflow.service;

import org.jspecify.annotations.NullMarked;
