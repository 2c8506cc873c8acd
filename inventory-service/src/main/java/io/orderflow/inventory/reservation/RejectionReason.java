package io.orderflow.inventory.reservation;

/**
 * Why a line could not be reserved.
 */
public enum RejectionReason {

	/** The inventory does not know the SKU. */
	UNKNOWN_SKU,

	/** Fewer units are available than the order asks for (over all its lines). */
	INSUFFICIENT_STOCK,

	/** The product is priced in another currency than the order's first known product. */
	CURRENCY_MISMATCH

}
