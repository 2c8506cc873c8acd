package io.orderflow.inventory.reservation;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

import io.orderflow.inventory.product.Sku;

/**
 * One line of a reservation: the order's line, with the unit price when it was reserved
 * or the reason when it was rejected.
 */
@Embeddable
class ReservationLine {

	private String sku;

	private int quantity;

	private @Nullable Long unitPriceMinor;

	@Enumerated(EnumType.STRING)
	private @Nullable RejectionReason rejection;

	protected ReservationLine() {
		// for JPA
	}

	private ReservationLine(Sku sku, int quantity, @Nullable Long unitPriceMinor, @Nullable RejectionReason rejection) {
		this.sku = sku.value();
		this.quantity = quantity;
		this.unitPriceMinor = unitPriceMinor;
		this.rejection = rejection;
	}

	static ReservationLine reserved(PricedLine line) {
		return new ReservationLine(line.sku(), line.quantity(), line.unitPrice().amountMinor(), null);
	}

	static ReservationLine requested(RequestedLine line, @Nullable RejectionReason rejection) {
		return new ReservationLine(line.sku(), line.quantity(), null, rejection);
	}

	Sku sku() {
		return new Sku(this.sku);
	}

	int quantity() {
		return this.quantity;
	}

}
