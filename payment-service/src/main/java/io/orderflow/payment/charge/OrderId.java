package io.orderflow.payment.charge;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an order (assigned by order-service); also the Kafka key of its events.
 *
 * @param value the order's UUID
 */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
