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
 * The payment of one order, completed or failed. The order id is unique: an order is
 * charged at most once, and inserting the payment row serializes the transactions of one
 * order.
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

	@Column(name = "amount_minor", nullable = false)
	private long amountMinor;

	@Column(name = "currency", nullable = false, length = 3)
	private String currency;

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

	private Payment(ChargeOrder order, PaymentStatus status, @Nullable PaymentFailureReason failureReason,
			@Nullable String detail, Instant now) {
		this.paymentId = PaymentId.random().value();
		this.orderId = order.orderId().value();
		this.customerId = order.customerId().value();
		this.amountMinor = order.amount().amountMinor();
		this.currency = order.amount().currency();
		this.status = status;
		this.failureReason = failureReason;
		this.detail = detail;
		this.createdAt = now;
	}

	/** For JPA. */
	protected Payment() {
		this.paymentId = new UUID(0, 0);
		this.orderId = new UUID(0, 0);
		this.customerId = "";
		this.currency = "";
		this.status = PaymentStatus.FAILED;
		this.createdAt = Instant.EPOCH;
	}

	static Payment completed(ChargeOrder order, Instant now) {
		return new Payment(order, PaymentStatus.COMPLETED, null, null, now);
	}

	static Payment failed(ChargeOrder order, PaymentFailureReason reason, String detail, Instant now) {
		return new Payment(order, PaymentStatus.FAILED, reason, detail, now);
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

	private OrderId orderId() {
		return new OrderId(this.orderId);
	}

	private CustomerId customerId() {
		return new CustomerId(this.customerId);
	}

	private Money amount() {
		return new Money(this.amountMinor, this.currency);
	}

}
