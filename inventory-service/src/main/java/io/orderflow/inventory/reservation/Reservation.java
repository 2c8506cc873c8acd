package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import io.orderflow.service.OrderId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import io.orderflow.inventory.product.Sku;

/**
 * The inventory's record of an order: one per order (the order id is the key), with its
 * lines and status. Every transaction that changes it, or appends an outbox event for the
 * order, holds its row lock, so that the order's outbox rows are numbered in commit
 * order.
 */
@Entity
@Table(name = "reservation")
class Reservation {

	@Id
	private UUID orderId;

	private String customerId;

	@Enumerated(EnumType.STRING)
	private ReservationStatus status;

	private @Nullable String currency;

	private @Nullable Long totalMinor;

	@ElementCollection
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<ReservationLine> lines = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	protected Reservation() {
		// for JPA
	}

	private Reservation(OrderId orderId, String customerId, ReservationStatus status, Instant now) {
		this.orderId = orderId.value();
		this.customerId = customerId;
		this.status = status;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Reservation of(StockReserved reserved) {
		Reservation reservation = new Reservation(reserved.orderId(), reserved.customerId(), ReservationStatus.RESERVED,
				reserved.occurredAt());
		reserved.lines().forEach((line) -> reservation.lines.add(ReservationLine.reserved(line)));
		reservation.currency = reserved.total().currency();
		reservation.totalMinor = reserved.total().amountMinor();
		return reservation;
	}

	static Reservation of(ReserveStock order, StockRejected rejected) {
		Reservation reservation = new Reservation(order.orderId(), order.customerId(), ReservationStatus.REJECTED,
				rejected.occurredAt());
		// all lines of one SKU share their fate (see Allocation)
		Map<Sku, RejectionReason> reasons = new HashMap<>();
		rejected.rejectedLines().forEach((line) -> reasons.put(line.sku(), line.reason()));
		order.lines()
			.forEach((line) -> reservation.lines.add(ReservationLine.requested(line, reasons.get(line.sku()))));
		return reservation;
	}

	/**
	 * The tombstone of an order cancelled before its {@code OrderPlaced} arrived:
	 * {@code CANCELLED} from the start, without lines or total.
	 */
	static Reservation cancelled(CancelReservation cancellation, Instant now) {
		return new Reservation(cancellation.orderId(), cancellation.customerId(), ReservationStatus.CANCELLED, now);
	}

	OrderId orderId() {
		return new OrderId(this.orderId);
	}

	ReservationStatus status() {
		return this.status;
	}

	/**
	 * @return reserved units per SKU, in SKU order (the order in which products are
	 * locked)
	 */
	SortedMap<Sku, Integer> quantities() {
		SortedMap<Sku, Integer> quantities = new TreeMap<>();
		this.lines.forEach((line) -> quantities.merge(line.sku(), line.quantity(), Math::addExact));
		return quantities;
	}

	/**
	 * The stock goes back to available: {@code RESERVED -> RELEASED}.
	 */
	StockReleased release(Instant now) {
		transition(ReservationStatus.RELEASED, now);
		List<ReleasedLine> released = new ArrayList<>();
		for (Map.Entry<Sku, Integer> entry : quantities().entrySet()) {
			released.add(new ReleasedLine(entry.getKey(), entry.getValue()));
		}
		return new StockReleased(UUID.randomUUID(), orderId(), released, now);
	}

	/**
	 * The stock is sold: {@code RESERVED -> SOLD}.
	 */
	void sell(Instant now) {
		transition(ReservationStatus.SOLD, now);
	}

	private void transition(ReservationStatus target, Instant now) {
		if (this.status != ReservationStatus.RESERVED) {
			throw new IllegalStateException(
					"reservation of order " + this.orderId + " is " + this.status + ", cannot become " + target);
		}
		this.status = target;
		this.updatedAt = now;
	}

}
