package io.orderflow.inventory.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.RowLocks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locking stock against the real PostgreSQL schema (a JPA slice: no web, no Kafka):
 * products come back in SKU order whatever order they were asked for, unknown SKUs are
 * absent, and every row stays locked until the transaction ends.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@RealInfrastructure
@Import(Stock.class)
class StockTest {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.000Z");

	@Autowired
	Stock stock;

	@Autowired
	Products products;

	@Autowired
	DataSource dataSource;

	@Test
	void locksKnownProductsInSkuOrder() {
		define("B-2", 5);
		define("A-1", 3);

		Map<Sku, Product> locked = this.stock.lock(List.of(new Sku("B-2"), new Sku("NO-SUCH"), new Sku("A-1")));

		assertThat(locked.keySet()).containsExactly(new Sku("A-1"), new Sku("B-2"));
		assertThat(locked.get(new Sku("A-1")).available()).isEqualTo(3);
	}

	@Test
	void lockingNothingLocksNothing() {
		assertThat(this.stock.lock(List.of())).isEmpty();
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void lockedRowsStayLockedUntilTheTransactionEnds(@Autowired PlatformTransactionManager transactions) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult((status) -> {
			define("L-1", 1);
			define("L-2", 1);
		});

		transaction.executeWithoutResult((status) -> {
			this.stock.lock(List.of(new Sku("L-2"), new Sku("L-1")));
			assertThat(RowLocks.isLocked(this.dataSource, "product", "sku", "L-1")).isTrue();
			assertThat(RowLocks.isLocked(this.dataSource, "product", "sku", "L-2")).isTrue();
		});
		assertThat(RowLocks.isLocked(this.dataSource, "product", "sku", "L-1")).isFalse();
	}

	private void define(String sku, int available) {
		this.products.saveAndFlush(new Product(
				new ProductDefinition(new Sku(sku), "Product " + sku, new Money(100, "EUR"), available), NOW));
	}

}
