package io.orderflow.inventory.reservation;

/**
 * Life cycle of a reservation: {@code RESERVED} ends as {@code SOLD} or {@code RELEASED};
 * {@code REJECTED} is final from the start, and so is {@code CANCELLED}: the tombstone of
 * an order cancelled before its {@code OrderPlaced} arrived (no lines, no total), which
 * makes that {@code OrderPlaced} reserve nothing.
 */
enum ReservationStatus {

	RESERVED, REJECTED, RELEASED, SOLD, CANCELLED

}
