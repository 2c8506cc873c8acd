package io.orderflow.order;

/**
 * A step of the saga as recorded on an order's timeline, named after the event that marks
 * it.
 */
public enum SagaStep {

	/** The order was accepted ({@code OrderPlaced}). */
	ORDER_PLACED,

	/** Inventory reserved every line ({@code StockReserved}). */
	STOCK_RESERVED,

	/** Inventory could not reserve every line ({@code StockRejected}). */
	STOCK_REJECTED,

	/** The customer was charged ({@code PaymentCompleted}). */
	PAYMENT_COMPLETED,

	/** The charge failed ({@code PaymentFailed}). */
	PAYMENT_FAILED,

	/** The order is final ({@code OrderConfirmed}). */
	ORDER_CONFIRMED,

	/** The order was cancelled ({@code OrderCancelled}). */
	ORDER_CANCELLED

}
