package io.orderflow.payment.charge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.orderflow.payment.account.AccountService;
import io.orderflow.payment.account.Debit;
import io.orderflow.payment.account.DebitRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays orders: charges the customer's account for a reserved order, records the payment
 * and appends its outcome to the outbox, all in one transaction.
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
	 * Charges the order total to the customer's account if the account exists, is kept in
	 * the order's currency and covers the total, and appends {@code PaymentCompleted};
	 * otherwise takes nothing and appends {@code PaymentFailed}. At most one payment per
	 * order: a command for an order paid (or refused) before changes nothing (the
	 * consumer pipeline has already dropped redelivered events by their id).
	 * @param command the charge
	 */
	@Transactional
	public void charge(ChargeOrder command) {
		if (this.payments.existsByOrderId(command.orderId().value())) {
			log.info("order {} was paid before; this charge changes nothing", command.orderId());
			this.metrics.paidBefore();
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
