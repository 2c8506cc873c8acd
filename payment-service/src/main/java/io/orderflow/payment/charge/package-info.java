/**
 * Payments of orders: one per order, charged exactly once per StockReserved, with the
 * outcome appended to the outbox in the same transaction.
 */
@NullMarked
package io.orderflow.payment.charge;

import org.jspecify.annotations.NullMarked;
