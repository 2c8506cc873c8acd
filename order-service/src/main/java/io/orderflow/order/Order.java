package io.orderflow.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The order aggregate: its lines, its status in the saga, the total once inventory has
 * priced it, and the timeline of saga steps.
 * <p>
 * State changes register {@link OrderEvent}s, which the application service appends to
 * the outbox in the same transaction. Every state change after placement must run with
 * the order row locked (load it with a pessimistic lock, or rely on {@link Version}: a
 * concurrent change then fails and is retried): per order, the outbox's id order must be
 * the commit order, because the relay publishes in id order.
 */
@Entity
@Table(name = "orders")
class Order {

	@Id
	private UUID id;

	@Version
	private @Nullable Long version;

	@Column(name = "customer_id", nullable = false, length = PlaceOrder.MAX_CUSTOMER_ID_LENGTH)
	private String customerId;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false, length = 16)
	private OrderStatus status;

	@ElementCollection
	@CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amountMinor", column = @Column(name = "total_amount_minor")),
			@AttributeOverride(name = "currency", column = @Column(name = "total_currency", length = 3)) })
	private @Nullable Money total;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@ElementCollection
	@CollectionTable(name = "order_timeline", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<TimelineEntry> timeline = new ArrayList<>();

	@Column(name = "idempotency_key", unique = true, length = PlaceOrder.MAX_IDEMPOTENCY_KEY_LENGTH)
	private @Nullable String idempotencyKey;

	@Column(name = "request_fingerprint", length = 64)
	private @Nullable String requestFingerprint;

	@Transient
	private final List<OrderEvent> events = new ArrayList<>();

	protected Order() {
	}

	private Order(OrderId id, PlaceOrder command, Instant now) {
		this.id = id.value();
		this.customerId = command.customerId();
		this.status = OrderStatus.PENDING;
		this.lines.addAll(command.lines());
		this.createdAt = now;
		this.idempotencyKey = command.idempotencyKey();
		this.requestFingerprint = (command.idempotencyKey() != null) ? command.fingerprint() : null;
		this.timeline.add(new TimelineEntry(SagaStep.ORDER_PLACED, now, describe(command.lines())));
		this.events.add(new OrderPlaced(UUID.randomUUID(), id, now, this.customerId, this.lines));
	}

	/**
	 * Places a new order: {@link OrderStatus#PENDING}, timeline starting with
	 * {@link SagaStep#ORDER_PLACED}, an {@link OrderPlaced} event registered.
	 * @param command what to order
	 * @param now the time of placement (millisecond precision, see
	 * {@link OrderEvent#occurredAt()})
	 * @return the order, not yet saved
	 */
	static Order place(PlaceOrder command, Instant now) {
		return new Order(OrderId.random(), command, now);
	}

	OrderId id() {
		return new OrderId(this.id);
	}

	String customerId() {
		return this.customerId;
	}

	/**
	 * @return the optimistic-lock version: 0 when placed, one more with every change
	 * (status, total or timeline)
	 */
	long version() {
		return (this.version != null) ? this.version : 0;
	}

	OrderStatus status() {
		return this.status;
	}

	List<OrderLine> lines() {
		return List.copyOf(this.lines);
	}

	@Nullable Money total() {
		return this.total;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	List<TimelineEntry> timeline() {
		return List.copyOf(this.timeline);
	}

	/**
	 * Inventory reserved every line: the total becomes known. Does not change the status
	 * (the payment outcome may even have arrived first: the topics are independent).
	 * @param total the order total as priced by inventory
	 * @param at when the stock was reserved
	 */
	void stockReserved(Money total, Instant at) {
		if (this.total == null) {
			this.total = total;
		}
		this.timeline.add(new TimelineEntry(SagaStep.STOCK_RESERVED, at,
				"total " + total.amountMinor() + " " + total.currency()));
	}

	/**
	 * Inventory could not reserve every line: the order is {@link OrderStatus#REJECTED}.
	 * @param detail why, per line
	 * @param at when
	 * @return whether the status changed (false when the order was no longer pending)
	 */
	boolean reject(String detail, Instant at) {
		this.timeline.add(new TimelineEntry(SagaStep.STOCK_REJECTED, at, truncate(detail)));
		if (this.status != OrderStatus.PENDING) {
			return false;
		}
		this.status = OrderStatus.REJECTED;
		return true;
	}

	/**
	 * The customer was charged: the order is {@link OrderStatus#CONFIRMED} and an
	 * {@link OrderConfirmed} is registered.
	 * @param amount what was charged (the total, if inventory's event has not arrived
	 * yet)
	 * @param at when
	 * @return whether the status changed
	 */
	boolean confirm(Money amount, Instant at) {
		this.timeline.add(new TimelineEntry(SagaStep.PAYMENT_COMPLETED, at,
				"charged " + amount.amountMinor() + " " + amount.currency()));
		if (this.status != OrderStatus.PENDING) {
			return false;
		}
		if (this.total == null) {
			this.total = amount;
		}
		this.status = OrderStatus.CONFIRMED;
		this.timeline.add(new TimelineEntry(SagaStep.ORDER_CONFIRMED, at, null));
		this.events.add(new OrderConfirmed(UUID.randomUUID(), id(), at, this.customerId, amount));
		return true;
	}

	/**
	 * The payment failed: the order is {@link OrderStatus#CANCELLED} and an
	 * {@link OrderCancelled} is registered (inventory releases the stock on the payment
	 * failure itself).
	 * @param reason why the payment failed
	 * @param at when
	 * @return whether the status changed
	 */
	boolean cancel(String reason, Instant at) {
		this.timeline.add(new TimelineEntry(SagaStep.PAYMENT_FAILED, at, truncate(reason)));
		return cancelPending(reason, at);
	}

	/**
	 * The order's saga deadline passed while it was still pending: it is
	 * {@link OrderStatus#CANCELLED} with the reason on its timeline, and an
	 * {@link OrderCancelled} is registered, on which inventory releases what it reserved
	 * and payment gives back what it charged. An order that is no longer pending does not
	 * change at all.
	 * @param deadline how long an order may stay pending
	 * @param at now, at least {@code deadline} after the order was placed
	 * @return whether the status changed
	 */
	boolean expire(Duration deadline, Instant at) {
		Duration age = Duration.between(this.createdAt, at);
		String reason = "saga deadline passed: still pending " + describe(age.truncatedTo(ChronoUnit.SECONDS))
				+ " after it was placed (deadline " + describe(deadline) + ")";
		return cancelPending(reason, at);
	}

	private boolean cancelPending(String reason, Instant at) {
		if (this.status != OrderStatus.PENDING) {
			return false;
		}
		this.status = OrderStatus.CANCELLED;
		this.timeline.add(new TimelineEntry(SagaStep.ORDER_CANCELLED, at, truncate(reason)));
		this.events.add(new OrderCancelled(UUID.randomUUID(), id(), at, this.customerId, reason));
		return true;
	}

	/** A duration for people: {@code 10m}, {@code 1h 5m 3s}, {@code 2.5s}. */
	private static String describe(Duration duration) {
		return duration.truncatedTo(ChronoUnit.MILLIS)
			.toString()
			.substring(2)
			.toLowerCase(Locale.ROOT)
			.replaceAll("([hm])(?=.)", "$1 ");
	}

	private static String truncate(String detail) {
		return (detail.length() <= 500) ? detail : detail.substring(0, 497) + "...";
	}

	/**
	 * @param command a request carrying the same idempotency key as this order's
	 * @return whether it is the request that placed this order
	 */
	boolean wasPlacedBy(PlaceOrder command) {
		return command.fingerprint().equals(this.requestFingerprint);
	}

	/**
	 * @return the events registered since the last call, oldest first; cleared
	 */
	List<OrderEvent> takeEvents() {
		List<OrderEvent> taken = List.copyOf(this.events);
		this.events.clear();
		return taken;
	}

	private static String describe(List<OrderLine> lines) {
		int units = lines.stream().mapToInt(OrderLine::quantity).sum();
		return lines.size() + ((lines.size() == 1) ? " line, " : " lines, ") + units
				+ ((units == 1) ? " unit" : " units");
	}

}
