package io.orderflow.payment.charge;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Payments extends Repository<Payment, UUID> {

	Optional<Payment> findByOrderId(UUID orderId);

	/**
	 * Reads the order's payment and locks its row ({@code SELECT ... FOR UPDATE}) until
	 * the transaction ends: a payment is refunded at most once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.orderId = :orderId")
	Optional<Payment> findForUpdate(UUID orderId);

	/**
	 * Inserts at once, not at commit: a concurrent transaction of the same order waits
	 * here on the unique order id (and then fails) before it appends anything to the
	 * outbox.
	 */
	Payment saveAndFlush(Payment payment);

}
