package io.orderflow.service;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an order as the services that take part in its saga know it: assigned by
 * order-service, the Kafka key of the order's events, and the id of its reservation and
 * its payment. One type for them all (order-service's own {@code OrderId} also parses and
 * makes them).
 *
 * @param value the order's UUID, never {@code null}
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
