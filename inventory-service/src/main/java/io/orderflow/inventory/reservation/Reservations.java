package io.orderflow.inventory.reservation;

import java.util.Collection;
import java.util.List;
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

	/**
	 * The SKUs the orders' reservations hold or asked for (a reservation's lines never
	 * change).
	 */
	@Query(value = "SELECT DISTINCT sku FROM reservation_line WHERE order_id IN :orderIds", nativeQuery = true)
	List<String> skusOf(Collection<UUID> orderIds);

}
