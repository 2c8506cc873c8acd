package io.orderflow.payment.charge;

import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Payments extends Repository<Payment, UUID> {

	boolean existsByOrderId(UUID orderId);

	/**
	 * Inserts at once, not at commit: a concurrent transaction of the same order waits
	 * here on the unique order id (and then fails) before it appends anything to the
	 * outbox.
	 */
	Payment saveAndFlush(Payment payment);

}
