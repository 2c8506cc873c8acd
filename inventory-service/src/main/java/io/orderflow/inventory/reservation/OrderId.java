package io.orderflow.inventory.reservation;

import java.util.Objects;
import java.util.UUID;

/**
 * Id of an order (owned by order-service); also the id of its reservation.
 *
 * @param value the UUID
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
