/**
 * Stock reservations of orders: all lines or none, released when the payment fails, sold
 * when the order is confirmed. One reservation per order (natural key: the order id).
 */
@NullMarked
package io.orderflow.inventory.reservation;

import org.jspecify.annotations.NullMarked;
