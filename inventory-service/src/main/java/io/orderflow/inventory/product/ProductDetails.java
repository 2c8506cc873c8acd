package io.orderflow.inventory.product;

/**
 * A product as the catalogue shows it.
 *
 * @param sku the product
 * @param name display name
 * @param unitPrice price of one unit
 * @param available units free to reserve
 * @param reserved units reserved for orders that are not sold yet
 */
public record ProductDetails(Sku sku, String name, Money unitPrice, int available, int reserved) {

}
