package io.orderflow.payment.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Accounts extends Repository<Account, String> {

	Optional<Account> findById(String customerId);

	/**
	 * Reads an account and locks its row ({@code SELECT ... FOR UPDATE}) until the
	 * transaction ends: concurrent writers of the same account queue up here.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.customerId = :customerId")
	Optional<Account> findForUpdate(String customerId);

	/**
	 * Locks the accounts of these customers ({@code SELECT ... ORDER BY customer_id FOR
	 * UPDATE}): in one global order, all at once, so that transactions locking accounts
	 * they share wait for each other instead of deadlocking.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.customerId in :customerIds order by a.customerId")
	List<Account> lockInOrder(Collection<String> customerIds);

	Account save(Account account);

}
