package io.orderflow.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.service.AfterCommit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional steps of placing an order; {@link OrderService} coordinates them.
 */
@Component
class OrderPlacement {

	private final Orders orders;

	private final OrderEvents events;

	private final Clock clock;

	private final Counter placed;

	OrderPlacement(Orders orders, OrderEvents events, Clock clock, MeterRegistry meters) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.placed = Counter.builder("orderflow.orders.placed")
			.description("Orders placed (committed), not counting idempotent replays")
			.register(meters);
	}

	/**
	 * Stores a new order and its {@link OrderPlaced} event in one transaction.
	 * @throws org.springframework.dao.DataIntegrityViolationException when another order
	 * holds the idempotency key
	 */
	@Transactional
	OrderView placeNew(PlaceOrder command) {
		// the event's contract carries milliseconds: keep the order's own times identical
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Order order = Order.place(command, now);
		// insert now: a concurrent request with the same key blocks here on the unique
		// index and fails once this transaction commits, before it writes an event
		this.orders.saveAndFlush(order);
		order.takeEvents().forEach(this.events::append);
		AfterCommit.increment(this.placed);
		return OrderView.of(order);
	}

	/**
	 * Looks up the order an idempotency key placed.
	 * @return the order, or empty when the key (or the command's lack of one) placed
	 * nothing yet
	 * @throws IdempotencyKeyReusedException when the key placed an order for a different
	 * request
	 */
	@Transactional(readOnly = true)
	Optional<OrderView> placedBefore(PlaceOrder command) {
		String key = command.idempotencyKey();
		if (key == null) {
			return Optional.empty();
		}
		return this.orders.findByIdempotencyKey(key).map((order) -> {
			if (!order.wasPlacedBy(command)) {
				throw new IdempotencyKeyReusedException(key);
			}
			return OrderView.of(order);
		});
	}

}
