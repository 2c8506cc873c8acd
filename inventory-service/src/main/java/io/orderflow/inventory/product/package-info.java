/**
 * The product catalogue and its stock levels: what can be sold, at what price, and how
 * many units are available (free to reserve) and reserved (promised to an order, not yet
 * sold).
 */
@NullMarked
package io.orderflow.inventory.product;

import org.jspecify.annotations.NullMarked;
