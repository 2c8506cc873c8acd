package io.orderflow.inventory.reservation;

/**
 * Where stock events go: the transactional outbox, implemented at the messaging edge.
 */
public interface StockEvents {

	/**
	 * Stores an event so that it is published after commit. Must be called inside the
	 * transaction that decided it, with the order's reservation row locked: the event
	 * commits (or rolls back) with the decision, and one order's events are numbered in
	 * commit order.
	 * @param event the event
	 */
	void append(StockEvent event);

}
