/**
 * What every Orderflow service shares, shipped once: the configuration defaults
 * ({@code orderflow-defaults.yml}, lowest precedence), a UTC {@link java.time.Clock}
 * unless the service defines one, and {@link io.orderflow.service.AfterCommit} for
 * metrics that count committed work only.
 */
@NullMarked
package io.orderflow.service;

import org.jspecify.annotations.NullMarked;
