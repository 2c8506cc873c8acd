package io.orderflow.inventory.reservation;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Reservations extends JpaRepository<Reservation, UUID> {

	/**
	 * Locks the order's reservation row ({@code SELECT ... FOR UPDATE}) until the
	 * transaction ends.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> findForUpdate(UUID orderId);

}
