package io.orderflow.order;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Signals of committed order changes, for requests that wait for an order to move on.
 * <p>
 * A trigger on {@code orders} notifies the channel {@value #CHANNEL} with the order id,
 * its new version and status when a changing transaction commits (migrations
 * {@code V2__order_changes}, {@code V3__order_change_payload}); this feed {@code LISTEN}s
 * on a connection of its own (not one of the pool's) and completes the signals of that
 * order that wait for such a change ({@link OrderChange}); the others stay registered, so
 * no change after {@link #next} goes unseen. Every instance of the service hears every
 * change, whichever instance's consumer applied it. A signal says only "look again": the
 * waiting side reads the order itself, so a spurious signal costs one read and a missed
 * one cannot exist: when the connection is lost, every signal is completed (changes may
 * have been missed while it was down) and the feed reconnects; so is every signal of an
 * order whose notification names no change.
 */
@Component
class OrderChangeFeed implements SmartLifecycle {

	static final String CHANNEL = "order_changed";

	/** The feed's connection is named so, in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "order-change-feed";

	private static final Logger logger = LoggerFactory.getLogger(OrderChangeFeed.class);

	/** How long one wait for notifications lasts before the connection is checked. */
	private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);

	private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

	private final DataSourceProperties database;

	private final Map<UUID, Set<Signal>> signals = new ConcurrentHashMap<>();

	private volatile boolean running;

	private @Nullable Thread listener;

	OrderChangeFeed(DataSourceProperties database, MeterRegistry meters) {
		this.database = database;
		Gauge.builder("orderflow.orders.change.waiters", this, OrderChangeFeed::waiting)
			.description("Signals of order changes awaited by waiting requests")
			.register(meters);
	}

	/**
	 * @param id an order
	 * @param wanted the changes to be signalled
	 * @return a signal completed when a wanted change of the order commits after this
	 * call (or when one may have been missed); {@link #forget} it when no longer waiting
	 */
	CompletableFuture<Void> next(OrderId id, Predicate<OrderChange> wanted) {
		Signal signal = new Signal(wanted, new CompletableFuture<>());
		this.signals.computeIfAbsent(id.value(), (key) -> ConcurrentHashMap.newKeySet()).add(signal);
		return signal.future();
	}

	/**
	 * @param id the order
	 * @param signal a signal of {@link #next} that nobody waits for any more
	 */
	void forget(OrderId id, CompletableFuture<Void> signal) {
		this.signals.computeIfPresent(id.value(), (key, set) -> {
			set.removeIf((registered) -> registered.future() == signal);
			return set.isEmpty() ? null : set;
		});
	}

	int waiting() {
		return this.signals.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * Completes the signals of the order that wait for the change (all of them when it is
	 * unknown); the others stay registered.
	 * @param id the order
	 * @param change what the order became, {@code null} when unknown
	 */
	void signal(UUID id, @Nullable OrderChange change) {
		List<Signal> due = new ArrayList<>();
		this.signals.computeIfPresent(id, (key, set) -> {
			set.removeIf((signal) -> {
				boolean wanted = change == null || signal.wanted().test(change);
				if (wanted) {
					due.add(signal);
				}
				return wanted;
			});
			return set.isEmpty() ? null : set;
		});
		due.forEach((signal) -> signal.future().complete(null));
	}

	private void signalAll() {
		this.signals.keySet().forEach((id) -> signal(id, null));
	}

	/** A waiting request's signal, and the changes it waits for. */
	private record Signal(Predicate<OrderChange> wanted, CompletableFuture<Void> future) {

	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::listen, "order-change-feed");
		thread.setDaemon(true);
		thread.start();
		this.listener = thread;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
		}
		signalAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A connection of the feed's own, not one of the pool's: it is held for good. */
	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		String user = this.database.determineUsername();
		String password = this.database.determinePassword();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		properties.setProperty("tcpKeepAlive", "true");
		return DriverManager.getConnection(this.database.determineUrl(), properties);
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				// whatever changed while there was no connection went unheard
				signalAll();
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications((int) LISTEN_WAIT.toMillis());
					if (received == null || received.length == 0) {
						// a connection whose server vanished may stay silent: ask it
						try (Statement statement = connection.createStatement()) {
							statement.execute("SELECT 1");
						}
						continue;
					}
					for (PGNotification notification : received) {
						OrderChange.Announced announced = OrderChange.parse(notification.getParameter());
						signal(announced.id(), announced.change());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Order change notifications lost, reconnecting: {}", String.valueOf(ex));
				signalAll();
				try {
					Thread.sleep(RECONNECT_DELAY.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
