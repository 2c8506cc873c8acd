package io.orderflow.order;

/**
 * The outcome of {@link OrderService#place(PlaceOrder)}.
 *
 * @param order the order as it is now
 * @param replayed true when the idempotency key had already placed this order and nothing
 * new was placed
 */
public record PlacedOrder(OrderView order, boolean replayed) {

}
