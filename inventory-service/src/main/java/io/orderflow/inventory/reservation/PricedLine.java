package io.orderflow.inventory.reservation;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.Sku;

/**
 * A reserved line with the price the inventory charges for it.
 *
 * @param sku the product
 * @param quantity units
 * @param unitPrice price of one unit
 * @param lineTotal {@code unitPrice x quantity}
 */
public record PricedLine(Sku sku, int quantity, Money unitPrice, Money lineTotal) {

}
