package io.orderflow.tools.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.orderflow.tools.SagaLoad;
import org.jspecify.annotations.Nullable;

/**
 * Everything clients saw during a run, and when (times are {@link System#nanoTime()}):
 * every POST's answer, the terminal status of every accepted order, and the phases of the
 * run (one per fault: from its injection until the next one starts).
 */
final class History implements SagaLoad.Listener {

	private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();

	private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();

	private final List<Phase> phases = new ArrayList<>();

	private volatile Phase current;

	History() {
		this.current = new Phase("baseline", "no fault", System.nanoTime());
		this.phases.add(this.current);
	}

	/**
	 * Starts the phase of a fault: what happens from now on belongs to it.
	 * @param fault the fault about to be injected
	 * @return the phase
	 */
	synchronized Phase begin(Fault fault) {
		Phase phase = new Phase(fault.name(), fault.description(), System.nanoTime());
		this.phases.add(phase);
		this.current = phase;
		return phase;
	}

	@Override
	public void accepted(String id, long postedAt) {
		this.posts.add(new Post(postedAt, phaseAt(postedAt), id, "201"));
	}

	@Override
	public void refused(String outcome, long postedAt) {
		this.posts.add(new Post(postedAt, phaseAt(postedAt), null, outcome));
	}

	@Override
	public void terminal(String id, String status, long seenAt) {
		this.terminals.put(id, new Terminal(status, seenAt));
	}

	private synchronized Phase phaseAt(long at) {
		Phase found = this.phases.get(0);
		for (Phase phase : this.phases) {
			if (phase.start <= at) {
				found = phase;
			}
		}
		return found;
	}

	List<Post> posts() {
		return List.copyOf(this.posts);
	}

	Map<String, Terminal> terminals() {
		return Map.copyOf(this.terminals);
	}

	synchronized List<Phase> phases() {
		return List.copyOf(this.phases);
	}

	/**
	 * One phase of the run.
	 */
	static final class Phase {

		final String name;

		final String description;

		final long start;

		private volatile long healed;

		private volatile @Nullable String failure;

		Phase(String name, String description, long start) {
			this.name = name;
			this.description = description;
			this.start = start;
			this.healed = start;
		}

		/** The fault is healed: what it stopped runs again. */
		void healed() {
			this.healed = System.nanoTime();
		}

		long healedAt() {
			return this.healed;
		}

		/** The fault could not be injected or healed as planned. */
		void failed(String why) {
			this.failure = why;
		}

		@Nullable String failure() {
			return this.failure;
		}

	}

	/**
	 * @param at when the POST left
	 * @param phase the phase it left in
	 * @param orderId the order, when accepted
	 * @param outcome {@code 201}, {@code HTTP <status>} or the client's error
	 */
	record Post(long at, Phase phase, @Nullable String orderId, String outcome) {

	}

	/**
	 * @param status the terminal status
	 * @param seenAt when a client saw it
	 */
	record Terminal(String status, long seenAt) {

	}

}
