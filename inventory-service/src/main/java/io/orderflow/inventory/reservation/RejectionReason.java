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
	CURRENCY_MISMATCH,

	/**
	 * The line cannot be counted: its total ({@code unitPrice x quantity}), or the
	 * order's total with it, would not fit a {@code long} of minor units, or its units
	 * would take the product's reserved units beyond an {@code int}. The HTTP API bounds
	 * prices and stock so that no product it defines gets here; a product priced by other
	 * means may.
	 */
	OUT_OF_RANGE

}
