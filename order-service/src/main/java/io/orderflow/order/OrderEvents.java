package io.orderflow.order;

/**
 * Where order events go: the outbox, implemented at the messaging edge.
 */
public interface OrderEvents {

	/**
	 * Stores an event so that it is published after commit.
	 * <p>
	 * Must be called inside the transaction that changed the order, after that change was
	 * flushed with the order row locked: the event then commits (or rolls back) with the
	 * change, and the outbox order of one order's events is their commit order.
	 * @param event the event
	 * @throws OrderEventsUnavailableException when a dependency of the outbox (the schema
	 * registry) is down
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	void append(OrderEvent event);

}
