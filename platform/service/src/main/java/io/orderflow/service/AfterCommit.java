package io.orderflow.service;

import io.micrometer.core.instrument.Counter;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must see committed state only, typically a metric: a counter incremented
 * inside a transaction that then rolls back (and is retried) would count the work twice.
 * <p>
 * Inside a transaction with synchronization active (any Spring-managed transaction,
 * {@code @Transactional} or {@code TransactionTemplate}), the action runs after that
 * transaction commits, and never if it rolls back. Outside of one it runs at once: there
 * is nothing to wait for.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Increments the counter by one when the current transaction commits, or at once
	 * without one.
	 * @param counter the counter
	 */
	public static void increment(Counter counter) {
		run(counter::increment);
	}

	/**
	 * Runs the action when the current transaction commits, or at once without one. An
	 * exception the action throws reaches the caller (of the commit, when it runs after
	 * one); a commit is never undone by it.
	 * @param action what to run, on the committing thread
	 */
	public static void run(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
