/**
 * The HTTP API of the order service: {@code /orders}. Errors follow the platform's
 * contract ({@code io.orderflow.web}); the service's own problems are declared in
 * {@link io.orderflow.order.web.OrderProblems} and
 * {@link io.orderflow.order.web.OrderNotFoundException}.
 */
@NullMarked
package io.orderflow.order.web;

import org.jspecify.annotations.NullMarked;
