package io.orderflow.order;

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

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final OrderPlacement placement;

	private final Orders orders;

	private final OrderReads reads;

	OrderService(OrderPlacement placement, Orders orders, OrderReads reads) {
		this.placement = placement;
		this.orders = orders;
		this.reads = reads;
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
