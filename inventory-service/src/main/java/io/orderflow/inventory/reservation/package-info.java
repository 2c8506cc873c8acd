/**
 * Stock reservations of orders: all lines or none, released when the payment fails or the
 * order is cancelled, sold when the order is confirmed. One reservation per order
 * (natural key: the order id); an order cancelled before it arrived has a tombstone.
 */
@NullMarked
package io.orderflow.inventory.reservation;

import org.jspecify.annotations.NullMarked;
