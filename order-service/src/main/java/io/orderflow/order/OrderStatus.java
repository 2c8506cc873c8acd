package io.orderflow.order;

/**
 * Where an order stands in the saga.
 */
public enum OrderStatus {

	/** Placed; waiting for stock and payment. */
	PENDING,

	/** Stock reserved and payment completed. */
	CONFIRMED,

	/** Inventory could not reserve every line. */
	REJECTED,

	/**
	 * Payment failed after the stock was reserved, or the saga deadline passed while the
	 * order was pending; the reservation is released, a charge refunded.
	 */
	CANCELLED;

	/**
	 * @return whether the saga has ended for an order in this status
	 */
	public boolean isTerminal() {
		return this != PENDING;
	}

}
