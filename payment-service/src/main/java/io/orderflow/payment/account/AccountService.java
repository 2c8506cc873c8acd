package io.orderflow.payment.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts: opening, replacing and reading balances, debiting them for payments
 * and crediting them for refunds. Every write locks the account row first, so a balance
 * is never overwritten by a concurrent writer and never goes below zero.
 */
@Service
public class AccountService {

	private final Accounts accounts;

	private final Clock clock;

	AccountService(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param customerId whose account
	 * @return the account's balance, empty when the customer has no account
	 */
	@Transactional(readOnly = true)
	public Optional<AccountBalance> find(CustomerId customerId) {
		return this.accounts.findById(customerId.value()).map(Account::balance);
	}

	/**
	 * Opens an account with a balance, or replaces the balance (and currency) of an
	 * existing one.
	 * @param customerId whose account
	 * @param balance the new balance
	 * @return whether the account was created or replaced
	 * @throws org.springframework.dao.DataIntegrityViolationException when a concurrent
	 * request opened the same account first
	 */
	@Transactional
	public AccountWrite put(CustomerId customerId, Money balance) {
		Optional<Account> existing = this.accounts.findForUpdate(customerId.value());
		if (existing.isPresent()) {
			existing.get().replaceBalance(balance, now());
			return AccountWrite.REPLACED;
		}
		this.accounts.save(new Account(customerId, balance, now()));
		return AccountWrite.CREATED;
	}

	/**
	 * Locks the accounts of these customers in the transaction of the caller, in
	 * customer-id order: the account rows a batch of payments will write, taken before
	 * the first of them, in the same order by every transaction, so that batches sharing
	 * customers serialize on the rows instead of deadlocking.
	 * @param customerIds whose accounts (those without one are skipped)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(Collection<CustomerId> customerIds) {
		if (!customerIds.isEmpty()) {
			this.accounts.lockInOrder(customerIds.stream().map(CustomerId::value).sorted().distinct().toList());
		}
	}

	/**
	 * Takes an amount from an account if it can be covered. Must run in the caller's
	 * transaction: the account row stays locked until that transaction ends, so
	 * concurrent debits of one account are applied one after the other.
	 * @param customerId whose account
	 * @param amount what to take
	 * @return whether the amount was taken, and why not
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Debit debit(CustomerId customerId, Money amount) {
		return this.accounts.findForUpdate(customerId.value())
			.map((account) -> account.debit(amount, now()))
			.orElseGet(() -> Debit.refused(DebitRefusal.UNKNOWN_ACCOUNT,
					"customer %s has no account".formatted(customerId)));
	}

	/**
	 * Gives an amount back to an account (the refund of a charge). Must run in the
	 * caller's transaction: the account row stays locked until that transaction ends, as
	 * for a debit.
	 * @param customerId whose account
	 * @param amount what to give back
	 * @return the balance after the credit
	 * @throws IllegalArgumentException when the customer has no account, or it is kept in
	 * another currency than the amount: the credit can never be applied as it is
	 * @throws ArithmeticException when the balance would not fit a {@code long}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AccountBalance credit(CustomerId customerId, Money amount) {
		Account account = this.accounts.findForUpdate(customerId.value())
			.orElseThrow(() -> new IllegalArgumentException(
					"customer %s has no account to take back %s".formatted(customerId, amount)));
		account.credit(amount, now());
		return account.balance();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
