package io.orderflow.payment.messaging;

import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.charge.CancelPayment;
import io.orderflow.schemas.avro.OrderCancelled;
import io.orderflow.service.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: {@code OrderCancelled} (Avro) to the {@link CancelPayment} command. A record
 * that is not an {@code OrderCancelled}, or names no customer a payment could belong to,
 * can never be processed and goes to the dead-letter topic without retries
 * ({@link NonRetryableEventException}).
 */
final class OrderCancelledMapper {

	private OrderCancelledMapper() {
	}

	/**
	 * @param value the record value ({@code null} for a tombstone)
	 * @return the event id and the command
	 * @throws NonRetryableEventException when the event violates the contract
	 */
	static Inbound<CancelPayment> toInbound(@Nullable Object value) {
		OrderCancelled event = Inbound.expect(OrderCancelled.class, value);
		String customer = event.getCustomerId();
		if (customer.isBlank() || customer.length() > CustomerId.MAX_LENGTH) {
			throw new NonRetryableEventException("OrderCancelled " + event.getEventId() + " of order "
					+ event.getOrderId() + " violates the contract: customer id must have 1 to " + CustomerId.MAX_LENGTH
					+ " characters");
		}
		return new Inbound<>(event.getEventId(),
				new CancelPayment(new OrderId(event.getOrderId()), new CustomerId(customer), event.getReason()));
	}

}
