package io.orderflow.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders and answers questions about them; the entry point for adapters.
 */
@Service
public class OrderService {

	/** Most orders {@link #findOverdue} lists. */
	public static final int MAX_OVERDUE = 500;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final OrderPlacement placement;

	private final Orders orders;

	private final OrderReads reads;

	private final Clock clock;

	private final Duration deadline;

	OrderService(OrderPlacement placement, Orders orders, OrderReads reads, Clock clock, OrderProperties properties) {
		this.placement = placement;
		this.orders = orders;
		this.reads = reads;
		this.clock = clock;
		this.deadline = properties.sagaDeadline();
	}

	/**
	 * Places an order, or, when the command's idempotency key placed one before, returns
	 * that order unchanged. Concurrent commands with one key place one order: the others
	 * wait for it to commit and return it. The order and its {@code OrderPlaced} event
	 * commit together; called inside a transaction, they join it.
	 * @param command what to order
	 * @return the order and whether it was placed before
	 * @throws IdempotencyKeyReusedException when the key placed an order for a different
	 * request
	 */
	public PlacedOrder place(PlaceOrder command) {
		Optional<OrderView> before = this.placement.placedBefore(command);
		if (before.isPresent()) {
			return new PlacedOrder(before.get(), true);
		}
		try {
			return new PlacedOrder(this.placement.placeNew(command), false);
		}
		catch (DataIntegrityViolationException ex) {
			// lost the race for the key: the winner has committed (the unique index made
			// us
			// wait for it)
			OrderView winner = this.placement.placedBefore(command).orElseThrow(() -> ex);
			return new PlacedOrder(winner, true);
		}
	}

	/**
	 * @param id an order id
	 * @return the order, or empty when there is none with this id
	 */
	public Optional<OrderView> find(OrderId id) {
		return this.reads.find(id);
	}

	/**
	 * Lists the orders still {@code PENDING} whose saga deadline has passed (they are
	 * about to be cancelled) or passes within the given time, oldest first.
	 * @param within how far ahead to look, not negative; zero: only orders past their
	 * deadline
	 * @return at most {@value #MAX_OVERDUE} orders, the oldest
	 */
	public List<OverdueOrder> findOverdue(Duration within) {
		if (within.isNegative()) {
			throw new IllegalArgumentException("within must not be negative: " + within);
		}
		Instant now = this.clock.instant();
		return this.reads.pendingPlacedBefore(now.plus(within).minus(this.deadline), MAX_OVERDUE, this.deadline, now);
	}

	/**
	 * Lists a customer's orders, newest first.
	 * @param customerId the customer
	 * @param page zero-based page number, not negative
	 * @param size orders per page, positive
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<OrderView> findByCustomer(String customerId, int page, int size) {
		return this.orders.findByCustomerId(customerId, PageRequest.of(page, size, NEWEST_FIRST)).map(OrderView::of);
	}

}
