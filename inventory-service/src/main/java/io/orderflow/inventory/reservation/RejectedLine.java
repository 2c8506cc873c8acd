package io.orderflow.inventory.reservation;

import io.orderflow.inventory.product.Sku;

/**
 * A line that could not be reserved.
 *
 * @param sku the product
 * @param requested units the line asked for
 * @param available units available when the order was processed (0 for an unknown SKU)
 * @param reason why
 */
public record RejectedLine(Sku sku, int requested, int available, RejectionReason reason) {

}
