package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@link SourceRelay} thread per source, from the end of the application
 * context's startup to the start of its shutdown.
 * <p>
 * Graceful shutdown: {@link #stop(Runnable)} stops claiming and lets each in-flight batch
 * finish (acknowledged and marked), within
 * {@code spring.lifecycle.timeout-per-shutdown-phase}. A batch still in flight after that
 * is abandoned when the context destroys this bean: its producer is closed at once and
 * nothing of it is marked, so the next leader sends it again (duplicates, never loss).
 */
final class RelayRunner implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RelayRunner.class);

	private final List<SourceRelay> relays;

	private final List<BatchPublisher> publishers;

	private final StopSignal stop;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	RelayRunner(List<SourceRelay> relays, List<BatchPublisher> publishers, StopSignal stop) {
		this.relays = List.copyOf(relays);
		this.publishers = List.copyOf(publishers);
		this.stop = stop;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		// a restart (after stop()) begins with threads of its own
		this.stop.reset();
		this.threads.clear();
		for (SourceRelay relay : this.relays) {
			Thread thread = new Thread(relay, "outbox-relay-" + relay.name());
			thread.start();
			this.threads.add(thread);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.stop.stop();
		join(Duration.ofSeconds(30));
		this.running = false;
	}

	@Override
	public void stop(Runnable callback) {
		this.stop.stop();
		Thread waiter = new Thread(() -> {
			join(Duration.ofDays(1));
			this.running = false;
			callback.run();
		}, "outbox-relay-shutdown");
		waiter.setDaemon(true);
		waiter.start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Abandons whatever is still in flight: interrupts the relay threads and closes the
	 * producers at once.
	 */
	@Override
	public void destroy() {
		this.stop.stop();
		List<Thread> alive = threads().stream().filter(Thread::isAlive).toList();
		if (!alive.isEmpty()) {
			logger.warn("Abandoning the in-flight outbox batches of {}: they stay unmarked and are sent again",
					alive.stream().map(Thread::getName).toList());
			alive.forEach(Thread::interrupt);
			join(Duration.ofSeconds(5));
		}
		this.publishers.forEach(BatchPublisher::close);
	}

	private void join(Duration timeout) {
		for (Thread thread : threads()) {
			try {
				thread.join(timeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private synchronized List<Thread> threads() {
		return List.copyOf(this.threads);
	}

}
