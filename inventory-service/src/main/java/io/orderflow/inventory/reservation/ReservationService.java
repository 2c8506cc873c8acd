package io.orderflow.inventory.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.orderflow.inventory.product.Product;
import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.product.Stock;
import io.orderflow.service.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves, releases and sells the stock of orders.
 * <p>
 * Locking: product rows are always locked sorted by SKU ({@link Stock#lock}), and a
 * consumer's batch transaction locks every product its commands will touch before the
 * first of them ({@link #lockStockFor}), then each order's reservation row. Every
 * transaction takes its product locks in one global order and all at once, so concurrent
 * batches for the same SKUs serialize on the product rows and never deadlock, and never
 * oversell (an order's reservation row is only ever wanted by that order's events, which
 * the saga sends one after the other). The resulting event goes to {@link StockEvents} in
 * the same transaction, while the reservation row is still locked: an order's outbox rows
 * are numbered in commit order.
 * <p>
 * Each operation is idempotent by its natural key, the order id: a second {@code reserve}
 * of an order, a {@code release}, {@code confirm} or {@code cancel} of a reservation that
 * is not {@code RESERVED} (a {@code release} or {@code confirm} of one that does not
 * exist) changes nothing and returns nothing; it is logged and counted in
 * {@code orderflow.saga.events.ignored}. A {@code cancel} that finds no reservation
 * leaves a {@code CANCELLED} tombstone instead, which the order's {@code reserve} then
 * finds: stock is released at most once per order, whichever of its events comes first.
 */
@Service
public class ReservationService {

	private static final Logger logger = LoggerFactory.getLogger(ReservationService.class);

	private final Reservations reservations;

	private final Stock stock;

	private final ReservationMetrics metrics;

	private final StockEvents events;

	private final Clock clock;

	ReservationService(Reservations reservations, Stock stock, ReservationMetrics metrics, StockEvents events,
			Clock clock) {
		this.reservations = reservations;
		this.stock = stock;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Locks, in SKU order and in one statement, every product the commands will touch
	 * (the lines a reservation asks for, the lines reserved for a release, a sale or a
	 * cancellation; none for an order without a reservation): the first step of a
	 * consumer's batch transaction.
	 * @param commands the commands about to be applied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockStockFor(List<? extends StockCommand> commands) {
		Set<Sku> skus = new HashSet<>();
		List<UUID> reserved = new ArrayList<>();
		for (StockCommand command : commands) {
			if (command instanceof ReserveStock order) {
				order.lines().forEach((line) -> skus.add(line.sku()));
			}
			else {
				reserved.add(command.orderId().value());
			}
		}
		if (!reserved.isEmpty()) {
			this.reservations.skusOf(reserved).forEach((sku) -> skus.add(new Sku(sku)));
		}
		this.stock.lock(skus);
	}

	/**
	 * Applies a command of the saga.
	 * @param command what the saga asks for
	 * @see #reserve(ReserveStock)
	 * @see #release(ReleaseStock)
	 * @see #confirm(ConfirmSale)
	 * @see #cancel(CancelReservation)
	 */
	@Transactional
	public void apply(StockCommand command) {
		if (command instanceof ReserveStock order) {
			reserve(order);
		}
		else if (command instanceof ReleaseStock release) {
			release(release);
		}
		else if (command instanceof ConfirmSale sale) {
			confirm(sale);
		}
		else if (command instanceof CancelReservation cancellation) {
			cancel(cancellation);
		}
	}

	/**
	 * Reserves every line of the order, or none.
	 * @param order the order
	 * @return {@link StockReserved} or {@link StockRejected} (appended to
	 * {@link StockEvents}); empty when the order was processed (or cancelled) before. An
	 * order whose total does not fit a {@code long} is rejected
	 * ({@link RejectionReason#OUT_OF_RANGE}), never fails.
	 */
	@Transactional
	public Optional<StockEvent> reserve(ReserveStock order) {
		Optional<Reservation> existing = this.reservations.findForUpdate(order.orderId().value());
		if (existing.isPresent()) {
			if (existing.get().status() == ReservationStatus.CANCELLED) {
				logger.info("Order {} was cancelled before it arrived, OrderPlaced reserves nothing", order.orderId());
				this.metrics.ignored("OrderPlaced", "cancelled");
			}
			else {
				logger.info("Order {} has a reservation already, OrderPlaced changes nothing", order.orderId());
				this.metrics.ignored("OrderPlaced", "duplicate");
			}
			return Optional.empty();
		}
		Instant now = now();
		Map<Sku, Product> products = this.stock.lock(order.lines().stream().map(RequestedLine::sku).toList());
		StockEvent decision = Allocation.decide(order, products, now);
		if (decision instanceof StockReserved reserved) {
			reserved.lines().forEach((line) -> product(products, line.sku()).reserve(line.quantity(), now));
			// flushed now: the new row is locked before the caller appends to the outbox
			this.reservations.saveAndFlush(Reservation.of(reserved));
			this.metrics.count(ReservationMetrics.Outcome.RESERVED);
			logger.debug("Order {} reserved: {}", order.orderId(), reserved.lines());
		}
		else if (decision instanceof StockRejected rejected) {
			this.reservations.saveAndFlush(Reservation.of(order, rejected));
			this.metrics.count(ReservationMetrics.Outcome.REJECTED);
			logger.info("Order {} rejected: {}", order.orderId(), rejected.rejectedLines());
		}
		this.events.append(decision);
		return Optional.of(decision);
	}

	/**
	 * Releases the order's reserved stock (compensation): {@code available += q},
	 * {@code reserved -= q} per line.
	 * @param command the order
	 * @return {@link StockReleased}; empty when the order has no {@code RESERVED}
	 * reservation
	 */
	@Transactional
	public Optional<StockReleased> release(ReleaseStock command) {
		return reserved(command.orderId(), "PaymentFailed", ReservationStatus.RELEASED).map(this::release);
	}

	/**
	 * The order was cancelled: a {@code RESERVED} reservation is released exactly as by
	 * {@link #release(ReleaseStock)}. An order without a reservation has not arrived yet
	 * (its {@code OrderPlaced} travels on another topic, in no order relative to this
	 * command): it gets a {@code CANCELLED} tombstone, and its {@code OrderPlaced} will
	 * reserve nothing and publish nothing. A reservation in any other state stays as it
	 * is.
	 * @param command the order
	 * @return {@link StockReleased}; empty when nothing was reserved
	 */
	@Transactional
	public Optional<StockReleased> cancel(CancelReservation command) {
		Optional<Reservation> found = this.reservations.findForUpdate(command.orderId().value());
		if (found.isEmpty()) {
			// inserted now: an OrderPlaced of the order applied concurrently waits on the
			// key, fails once this commits, and is retried to find the tombstone
			this.reservations.saveAndFlush(Reservation.cancelled(command, now()));
			this.metrics.count(ReservationMetrics.Outcome.CANCELLED);
			logger.info("Order {} was cancelled before it arrived; its OrderPlaced will reserve nothing",
					command.orderId());
			return Optional.empty();
		}
		return found.filter((reservation) -> isReserved(reservation, "OrderCancelled", ReservationStatus.RELEASED))
			.map(this::release);
	}

	/**
	 * Releases a {@code RESERVED} reservation, locked: {@code available += q},
	 * {@code reserved -= q} per line, {@link StockReleased} to the outbox.
	 */
	private StockReleased release(Reservation reservation) {
		Instant now = now();
		Map<Sku, Product> products = this.stock.lock(reservation.quantities().keySet());
		reservation.quantities().forEach((sku, quantity) -> product(products, sku).release(quantity, now));
		StockReleased released = reservation.release(now);
		this.metrics.count(ReservationMetrics.Outcome.RELEASED);
		logger.info("Order {} released: {}", reservation.orderId(), released.lines());
		this.events.append(released);
		return released;
	}

	/**
	 * The order's reserved stock is sold: {@code reserved -= q} per line, status
	 * {@code SOLD}.
	 * @param command the order
	 * @return whether anything changed (false when the order has no {@code RESERVED}
	 * reservation)
	 */
	@Transactional
	public boolean confirm(ConfirmSale command) {
		Optional<Reservation> found = reserved(command.orderId(), "OrderConfirmed", ReservationStatus.SOLD);
		if (found.isEmpty()) {
			return false;
		}
		Reservation reservation = found.get();
		Instant now = now();
		Map<Sku, Product> products = this.stock.lock(reservation.quantities().keySet());
		reservation.quantities().forEach((sku, quantity) -> product(products, sku).sell(quantity, now));
		reservation.sell(now);
		this.metrics.count(ReservationMetrics.Outcome.SOLD);
		logger.debug("Order {} sold", command.orderId());
		return true;
	}

	/**
	 * The order's reservation, locked, when it is {@code RESERVED}; else logs (a
	 * reservation already in {@code done} is a redelivery, anything else a saga
	 * inconsistency) and returns empty.
	 */
	private Optional<Reservation> reserved(OrderId orderId, String event, ReservationStatus done) {
		Optional<Reservation> reservation = this.reservations.findForUpdate(orderId.value());
		if (reservation.isEmpty()) {
			logger.warn("{} for order {} without a reservation changes nothing", event, orderId);
			this.metrics.ignored(event, "no-reservation");
			return Optional.empty();
		}
		return reservation.filter((found) -> isReserved(found, event, done));
	}

	/**
	 * Whether the reservation is {@code RESERVED}; else logs and counts the event as
	 * ignored: a reservation already in {@code done} means a redelivery, any other state
	 * a saga inconsistency (or a race the saga resolves this way, such as a cancellation
	 * of an order that inventory rejected meanwhile).
	 */
	private boolean isReserved(Reservation reservation, String event, ReservationStatus done) {
		ReservationStatus status = reservation.status();
		if (status == done) {
			logger.info("{} for order {} whose reservation is {} already changes nothing", event, reservation.orderId(),
					status);
			this.metrics.ignored(event, "duplicate");
			return false;
		}
		if (status != ReservationStatus.RESERVED) {
			logger.warn("{} for order {} whose reservation is {} changes nothing", event, reservation.orderId(),
					status);
			this.metrics.ignored(event, status.name().toLowerCase(Locale.ROOT));
			return false;
		}
		return true;
	}

	private static Product product(Map<Sku, Product> products, Sku sku) {
		Product product = products.get(sku);
		if (product == null) {
			throw new IllegalStateException("product " + sku + " of a reservation is gone");
		}
		return product;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
