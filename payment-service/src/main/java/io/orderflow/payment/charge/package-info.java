/**
 * Payments of orders: one per order, charged exactly once per StockReserved, with the
 * outcome appended to the outbox in the same transaction; refunded once when a charged
 * order is cancelled, never charged when the cancellation came first.
 */
@NullMarked
package io.orderflow.payment.charge;

import org.jspecify.annotations.NullMarked;
