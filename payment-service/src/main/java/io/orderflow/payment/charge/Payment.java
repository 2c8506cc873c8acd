package io.orderflow.payment.charge;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.service.OrderId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The payment of one order: completed or failed, then refunded when a completed one's
 * order is cancelled; or cancelled before any charge (no amount). The order id is unique:
 * an order is charged at most once and refunded at most once, and inserting the payment
 * row serializes the transactions of one order.
 */
@Entity
@Table(name = "payments")
class Payment {

	@Id
	@Column(name = "payment_id")
	private UUID paymentId;

	@Column(name = "order_id", nullable = false, unique = true, updatable = false)
	private UUID orderId;

	@Column(name = "customer_id", nullable = false, length = CustomerId.MAX_LENGTH)
	private String customerId;

	/** {@code null} exactly when {@link PaymentStatus#CANCELLED}: nothing was charged. */
	@Column(name = "amount_minor")
	private @Nullable Long amountMinor;

	@Column(name = "currency", length = 3)
	private @Nullable String currency;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false, length = 16)
	private PaymentStatus status;

	@Enumerated(EnumType.STRING)
	@Column(name = "failure_reason", length = 32)
	private @Nullable PaymentFailureReason failureReason;

	@Column(name = "detail", length = 500)
	private @Nullable String detail;

	/** {@code null} until persisted: tells Spring Data that the payment is new. */
	@Version
	@Column(name = "version", nullable = false)
	private @Nullable Long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "refunded_at")
	private @Nullable Instant refundedAt;

	private Payment(ChargeOrder order, PaymentStatus status, @Nullable PaymentFailureReason failureReason,
			@Nullable String detail, Instant now) {
		this(order.orderId(), order.customerId(), status, detail, now);
		this.amountMinor = order.amount().amountMinor();
		this.currency = order.amount().currency();
		this.failureReason = failureReason;
	}

	private Payment(OrderId orderId, CustomerId customerId, PaymentStatus status, @Nullable String detail,
			Instant now) {
		this.paymentId = PaymentId.random().value();
		this.orderId = orderId.value();
		this.customerId = customerId.value();
		this.status = status;
		this.detail = detail;
		this.createdAt = now;
	}

	/** For JPA. */
	protected Payment() {
		this.paymentId = new UUID(0, 0);
		this.orderId = new UUID(0, 0);
		this.customerId = "";
		this.status = PaymentStatus.FAILED;
		this.createdAt = Instant.EPOCH;
	}

	static Payment completed(ChargeOrder order, Instant now) {
		return new Payment(order, PaymentStatus.COMPLETED, null, null, now);
	}

	static Payment failed(ChargeOrder order, PaymentFailureReason reason, String detail, Instant now) {
		return new Payment(order, PaymentStatus.FAILED, reason, detail, now);
	}

	/**
	 * The record of an order cancelled before it was charged: {@code CANCELLED}, no
	 * amount.
	 */
	static Payment cancelled(CancelPayment cancellation, Instant now) {
		return new Payment(cancellation.orderId(), cancellation.customerId(), PaymentStatus.CANCELLED,
				truncate("order cancelled before it was charged: " + cancellation.reason()), now);
	}

	PaymentStatus status() {
		return this.status;
	}

	/**
	 * The order was cancelled after it was charged: {@code COMPLETED -> REFUNDED}. The
	 * caller gives the amount back to the account.
	 * @param reason why the order was cancelled
	 * @param now when
	 * @return the amount to give back: what was charged
	 * @throws IllegalStateException when the payment is not {@code COMPLETED}
	 */
	Money refund(String reason, Instant now) {
		if (this.status != PaymentStatus.COMPLETED) {
			throw new IllegalStateException("payment " + this.paymentId + " is " + this.status + ", not refundable");
		}
		this.status = PaymentStatus.REFUNDED;
		this.refundedAt = now;
		this.detail = truncate("refunded, order cancelled: " + reason);
		return amount();
	}

	PaymentCompleted completedEvent() {
		if (this.status != PaymentStatus.COMPLETED) {
			throw new IllegalStateException("payment " + this.paymentId + " is " + this.status);
		}
		return new PaymentCompleted(UUID.randomUUID(), orderId(), customerId(), new PaymentId(this.paymentId), amount(),
				this.createdAt);
	}

	PaymentFailed failedEvent() {
		PaymentFailureReason reason = this.failureReason;
		if (this.status != PaymentStatus.FAILED || reason == null) {
			throw new IllegalStateException("payment " + this.paymentId + " is " + this.status);
		}
		return new PaymentFailed(UUID.randomUUID(), orderId(), customerId(), amount(), reason,
				(this.detail != null) ? this.detail : "", this.createdAt);
	}

	OrderId orderId() {
		return new OrderId(this.orderId);
	}

	/**
	 * @return the customer charged (or, for a {@code CANCELLED} payment, who ordered)
	 */
	CustomerId customerId() {
		return new CustomerId(this.customerId);
	}

	private Money amount() {
		Long minor = this.amountMinor;
		String code = this.currency;
		if (minor == null || code == null) {
			throw new IllegalStateException("payment " + this.paymentId + " is " + this.status + ", it has no amount");
		}
		return new Money(minor, code);
	}

	private static String truncate(String detail) {
		return (detail.length() <= 500) ? detail : detail.substring(0, 497) + "...";
	}

}
