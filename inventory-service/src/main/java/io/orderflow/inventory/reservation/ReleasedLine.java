package io.orderflow.inventory.reservation;

import io.orderflow.inventory.product.Sku;

/**
 * Units that went back from reserved to available.
 *
 * @param sku the product
 * @param quantity units
 */
public record ReleasedLine(Sku sku, int quantity) {

}
