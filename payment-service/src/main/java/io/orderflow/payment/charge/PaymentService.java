package io.orderflow.payment.charge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.orderflow.payment.account.AccountService;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Debit;
import io.orderflow.payment.account.DebitRefusal;
import io.orderflow.payment.account.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays orders: charges the customer's account for a reserved order, records the payment
 * and appends its outcome to the outbox, all in one transaction; and gives the amount
 * back when a charged order is cancelled.
 * <p>
 * Per order, at most one charge and at most one refund, whatever order the saga's events
 * arrive in: the payment row (unique per order) records what happened, and a cancellation
 * that comes before the charge leaves a {@code CANCELLED} row that makes the charge take
 * nothing. So every account's balance is its opening balance, less its completed charges,
 * plus its refunds.
 */
@Service
public class PaymentService {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private final Payments payments;

	private final AccountService accounts;

	private final PaymentEvents events;

	private final PaymentMetrics metrics;

	private final Clock clock;

	PaymentService(Payments payments, AccountService accounts, PaymentEvents events, PaymentMetrics metrics,
			Clock clock) {
		this.payments = payments;
		this.accounts = accounts;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Prepares the transaction of a batch of commands: locks the accounts they will
	 * charge or refund, in customer-id order, before the first is applied (payment's
	 * listeners run one batch per partition at a time, and batches share customers).
	 * @param commands the batch's commands, in record order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockAccountsFor(List<? extends PaymentCommand> commands) {
		Set<CustomerId> customers = new HashSet<>();
		for (PaymentCommand command : commands) {
			if (command instanceof ChargeOrder charge) {
				customers.add(charge.customerId());
			}
			else if (command instanceof CancelPayment cancellation) {
				customers.add(cancellation.customerId());
			}
		}
		this.accounts.lock(customers);
	}

	/**
	 * Applies a command of the saga.
	 * @param command what the saga asks for
	 * @see #charge(ChargeOrder)
	 * @see #cancel(CancelPayment)
	 */
	@Transactional
	public void apply(PaymentCommand command) {
		if (command instanceof ChargeOrder charge) {
			charge(charge);
		}
		else if (command instanceof CancelPayment cancellation) {
			cancel(cancellation);
		}
	}

	/**
	 * Charges the order total to the customer's account if the account exists, is kept in
	 * the order's currency and covers the total, and appends {@code PaymentCompleted};
	 * otherwise takes nothing and appends {@code PaymentFailed}. At most one payment per
	 * order: a command for an order paid (or refused) before changes nothing (the
	 * consumer pipeline has already dropped redelivered events by their id), nor does one
	 * for an order cancelled before it was charged, which appends nothing either.
	 * @param command the charge
	 */
	@Transactional
	public void charge(ChargeOrder command) {
		Optional<Payment> before = this.payments.findByOrderId(command.orderId().value());
		if (before.isPresent()) {
			if (before.get().status() == PaymentStatus.CANCELLED) {
				log.info("order {} was cancelled before it was charged; this charge changes nothing",
						command.orderId());
				this.metrics.ignored("StockReserved", "cancelled");
			}
			else {
				log.info("order {} was paid before; this charge changes nothing", command.orderId());
				this.metrics.paidBefore();
			}
			return;
		}
		Debit debit = this.accounts.debit(command.customerId(), command.amount());
		if (debit.succeeded()) {
			complete(command);
		}
		else {
			fail(command, reason(debit), debit.detail());
		}
	}

	/**
	 * The order was cancelled: a completed charge is given back to the account it was
	 * taken from (the account row locked, as for a charge) and the payment becomes
	 * {@code REFUNDED}; an order not charged yet gets a {@code CANCELLED} payment without
	 * an amount, so that its charge, if it still comes, takes nothing. A failed, refunded
	 * or cancelled payment stays as it is. Appends nothing to the outbox: no other
	 * service waits for a refund.
	 * @param command the cancellation
	 * @throws IllegalArgumentException when the amount cannot go back to the account (it
	 * is gone, or kept in another currency since the charge): the refund can never be
	 * applied as it is
	 */
	@Transactional
	public void cancel(CancelPayment command) {
		Optional<Payment> found = this.payments.findForUpdate(command.orderId().value());
		if (found.isEmpty()) {
			// inserted now: a charge of the order applied concurrently waits on the
			// unique
			// order id, fails once this commits, and is retried to find this row
			this.payments.saveAndFlush(Payment.cancelled(command, now()));
			this.metrics.cancelled();
			log.info("order {} was cancelled before it was charged; it will not be charged", command.orderId());
			return;
		}
		Payment payment = found.get();
		switch (payment.status()) {
			case COMPLETED -> refund(payment, command.reason());
			case FAILED -> {
				log.info("order {} was cancelled, its payment had failed: nothing to refund", command.orderId());
				this.metrics.ignored("OrderCancelled", "failed");
			}
			case REFUNDED, CANCELLED -> {
				log.info("order {} was cancelled, its payment is {} already: this changes nothing", command.orderId(),
						payment.status());
				this.metrics.ignored("OrderCancelled", "duplicate");
			}
		}
	}

	private void refund(Payment payment, String reason) {
		Money amount = payment.refund(reason, now());
		this.accounts.credit(payment.customerId(), amount);
		this.metrics.refunded();
		log.info("order {} was cancelled: {} refunded to customer {}", payment.orderId(), amount, payment.customerId());
	}

	private void complete(ChargeOrder command) {
		Payment payment = this.payments.saveAndFlush(Payment.completed(command, now()));
		this.events.completed(payment.completedEvent());
		this.metrics.completed();
		log.debug("order {} paid: {} from customer {}", command.orderId(), command.amount(), command.customerId());
	}

	private void fail(ChargeOrder command, PaymentFailureReason reason, String detail) {
		Payment payment = this.payments.saveAndFlush(Payment.failed(command, reason, detail, now()));
		this.events.failed(payment.failedEvent());
		this.metrics.failed(reason);
		log.info("order {} not paid ({}): {}", command.orderId(), reason, detail);
	}

	private static PaymentFailureReason reason(Debit debit) {
		DebitRefusal refusal = debit.refusal();
		if (refusal == null) {
			throw new IllegalArgumentException("the debit succeeded");
		}
		return switch (refusal) {
			case UNKNOWN_ACCOUNT -> PaymentFailureReason.UNKNOWN_ACCOUNT;
			case CURRENCY_MISMATCH -> PaymentFailureReason.CURRENCY_MISMATCH;
			case INSUFFICIENT_FUNDS -> PaymentFailureReason.INSUFFICIENT_FUNDS;
		};
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
