package io.orderflow.tools.chaos;

/**
 * One fault of the suite: {@link #inject} breaks something, holds the outage, and heals
 * it (restarts, resumes, reconnects) before it returns.
 *
 * @param name short name, e.g. {@code leader-kill}
 * @param description what it does, for the table
 * @param action what it does to the stack
 */
record Fault(String name, String description, Action action) {

	void inject(Stack stack) throws Exception {
		this.action.inject(stack);
	}

	/** Breaks, holds and heals. */
	@FunctionalInterface
	interface Action {

		void inject(Stack stack) throws Exception;

	}

}
