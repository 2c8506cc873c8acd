/**
 * The HTTP API of the order service: {@code /orders}, with errors as RFC 9457 problem
 * details (see {@link io.orderflow.order.web.ProblemTypes}).
 */
@NullMarked
package io.orderflow.order.web;

import org.jspecify.annotations.NullMarked;
