package io.orderflow.inventory.reservation;

/**
 * Life cycle of a reservation: {@code RESERVED} ends as {@code SOLD} or {@code RELEASED};
 * {@code REJECTED} is final from the start.
 */
enum ReservationStatus {

	RESERVED, REJECTED, RELEASED, SOLD

}
