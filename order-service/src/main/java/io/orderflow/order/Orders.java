package io.orderflow.order;

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

}
