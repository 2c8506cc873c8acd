package io.orderflow.order;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a committed change made of an order, as announced on the channel
 * {@value OrderChangeFeed#CHANNEL}: its id, new version and new status (migration
 * {@code V3__order_change_payload}). A waiting request is woken only by a change it is
 * waiting for, so that a client waiting for the outcome is not answered, nor its order
 * read again, at every step of the saga.
 *
 * @param version the order's version after the change
 * @param status the order's status after the change
 */
record OrderChange(long version, OrderStatus status) {

	/**
	 * @param payload a notification's payload: {@code "<id> <version> <status>"}, or only
	 * {@code "<id>"} (the trigger of migration {@code V2}, before an upgrade completes)
	 * @return the order and its change; no change when the payload names the order alone
	 * @throws IllegalArgumentException when the payload is neither
	 */
	static Announced parse(String payload) {
		String[] parts = payload.split(" ");
		UUID id = UUID.fromString(parts[0]);
		if (parts.length == 1) {
			return new Announced(id, null);
		}
		if (parts.length != 3) {
			throw new IllegalArgumentException("not an order change: " + payload);
		}
		return new Announced(id,
				new OrderChange(Long.parseLong(parts[1]), OrderStatus.valueOf(parts[2].toUpperCase(Locale.ROOT))));
	}

	/**
	 * @param order the order as read
	 * @return the order's state as a change announces it
	 */
	static OrderChange of(OrderView order) {
		return new OrderChange(order.version(), order.status());
	}

	/**
	 * A notification: the order's id and, unless an older trigger sent it, the change.
	 *
	 * @param id the order
	 * @param change what it became; {@code null} when unknown (every waiter must look)
	 */
	record Announced(UUID id, @Nullable OrderChange change) {
	}

}
