package io.orderflow.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The stored orders.
 */
interface Orders extends JpaRepository<Order, UUID> {

	Optional<Order> findByIdempotencyKey(String idempotencyKey);

	/**
	 * Loads an order with its row locked until the transaction ends: per order, saga
	 * transitions (and their outbox rows) are serialized. The timeline, which every
	 * transition appends to, comes in the same statement (an order always has one: it
	 * starts with {@link SagaStep#ORDER_PLACED}); only the order row is locked.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o join fetch o.timeline where o.id = :id")
	Optional<Order> findForUpdate(UUID id);

	Page<Order> findByCustomerId(String customerId, Pageable pageable);

	/**
	 * Locks the oldest orders still {@code PENDING} that were placed before a time, and
	 * skips those locked by another transaction (a saga step being applied to them, or
	 * another instance expiring them): several instances of the service expire different
	 * orders at the same time, and none waits.
	 * @param placedBefore the latest placement time (exclusive)
	 * @param limit most orders locked
	 * @return their ids, oldest first; locked until the transaction ends
	 */
	@Query(value = """
			SELECT id FROM orders
			WHERE status = 'PENDING' AND created_at < :placedBefore
			ORDER BY created_at, id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED
			""", nativeQuery = true)
	List<UUID> lockPendingPlacedBefore(Instant placedBefore, int limit);

}
