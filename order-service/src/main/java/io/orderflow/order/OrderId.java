package io.orderflow.order;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity of an order.
 *
 * @param value the UUID; also the outbox aggregate id and the Kafka record key (as its
 * string form)
 */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	/**
	 * Parses the string form of an order id.
	 * @param text text from a client, e.g. a path segment
	 * @return the id, or empty when the text is not a UUID
	 */
	public static Optional<OrderId> parse(String text) {
		// UUID.fromString accepts abbreviated forms such as "1-2-3-4-5": insist on the
		// canonical 36 characters
		if (text.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(new OrderId(UUID.fromString(text)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
