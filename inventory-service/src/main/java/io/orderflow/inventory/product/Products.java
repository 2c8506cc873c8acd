package io.orderflow.inventory.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Products extends JpaRepository<Product, String> {

	/**
	 * Locks one product row ({@code SELECT ... FOR UPDATE}) until the transaction ends.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku = :sku")
	Optional<Product> findForUpdate(String sku);

	/**
	 * Locks product rows in SKU order: PostgreSQL locks the rows of a sorted
	 * {@code SELECT ... FOR UPDATE} in the order it returns them, so that two
	 * transactions locking overlapping SKUs always do so in the same order and cannot
	 * deadlock.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku in :skus order by p.sku")
	List<Product> findAllForUpdateOrderBySku(Collection<String> skus);

}
