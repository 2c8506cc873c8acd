package io.orderflow.payment.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A customer's account. The balance never goes below zero: {@link #debit(Money, Instant)}
 * refuses what it cannot cover, and the database checks it too; a refund
 * ({@link #credit(Money, Instant)}) gives back what a debit took. Callers hold the row
 * lock ({@link Accounts#findForUpdate(String)}) while they change it.
 */
@Entity
@Table(name = "accounts")
class Account {

	@Id
	@Column(name = "customer_id", length = CustomerId.MAX_LENGTH)
	private String customerId;

	@Column(name = "balance_minor", nullable = false)
	private long balanceMinor;

	@Column(name = "currency", nullable = false, length = 3)
	private String currency;

	/** {@code null} until persisted: tells Spring Data that the account is new. */
	@Version
	@Column(name = "version", nullable = false)
	private @Nullable Long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	Account(CustomerId customerId, Money balance, Instant now) {
		this.customerId = customerId.value();
		this.balanceMinor = balance.amountMinor();
		this.currency = balance.currency();
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** For JPA. */
	protected Account() {
		this.customerId = "";
		this.currency = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	AccountBalance balance() {
		return new AccountBalance(new CustomerId(this.customerId), money());
	}

	private Money money() {
		return new Money(this.balanceMinor, this.currency);
	}

	void replaceBalance(Money balance, Instant now) {
		this.balanceMinor = balance.amountMinor();
		this.currency = balance.currency();
		this.updatedAt = now;
	}

	/**
	 * Gives an amount back: the balance grows by it.
	 * @throws IllegalArgumentException when the account is kept in another currency
	 * @throws ArithmeticException when the balance would not fit a {@code long}
	 */
	void credit(Money amount, Instant now) {
		Money balance = money();
		if (!balance.hasCurrencyOf(amount)) {
			throw new IllegalArgumentException("account of customer %s is kept in %s, cannot take back %s"
				.formatted(this.customerId, this.currency, amount));
		}
		this.balanceMinor = balance.plus(amount).amountMinor();
		this.updatedAt = now;
	}

	Debit debit(Money amount, Instant now) {
		Money balance = money();
		if (!balance.hasCurrencyOf(amount)) {
			return Debit.refused(DebitRefusal.CURRENCY_MISMATCH, "account of customer %s is kept in %s, cannot pay %s"
				.formatted(this.customerId, this.currency, amount));
		}
		if (!balance.covers(amount)) {
			return Debit.refused(DebitRefusal.INSUFFICIENT_FUNDS,
					"insufficient funds in the account of customer %s to pay %s".formatted(this.customerId, amount));
		}
		this.balanceMinor = balance.minus(amount).amountMinor();
		this.updatedAt = now;
		return Debit.done();
	}

}
