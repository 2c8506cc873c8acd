/**
 * Configuration of the order service that belongs to no feature.
 */
@NullMarked
package io.orderflow.order.config;

import org.jspecify.annotations.NullMarked;
