package io.orderflow.inventory.product;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Stock never goes negative, whatever the caller asks.
 */
class ProductTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	private final Product product = new Product(new ProductDefinition(new Sku("A"), "A", new Money(100, "EUR"), 5),
			NOW);

	@Test
	void reservingReleasingAndSellingMoveUnitsBetweenAvailableAndReserved() {
		this.product.reserve(3, NOW);
		assertThat(stock()).containsExactly(2, 3);

		this.product.release(1, NOW);
		assertThat(stock()).containsExactly(3, 2);

		this.product.sell(2, NOW);
		assertThat(stock()).containsExactly(3, 0);
	}

	@Test
	void refusesToReserveMoreThanAvailable() {
		assertThatIllegalStateException().isThrownBy(() -> this.product.reserve(6, NOW));
		assertThat(stock()).containsExactly(5, 0);
	}

	@Test
	void refusesToReleaseOrSellMoreThanReserved() {
		this.product.reserve(2, NOW);

		assertThatIllegalStateException().isThrownBy(() -> this.product.release(3, NOW));
		assertThatIllegalStateException().isThrownBy(() -> this.product.sell(3, NOW));
		assertThat(stock()).containsExactly(3, 2);
	}

	@Test
	void redefiningKeepsWhatIsReserved() {
		this.product.reserve(2, NOW);

		this.product.redefine(new ProductDefinition(new Sku("A"), "A2", new Money(120, "EUR"), 10), NOW);

		assertThat(stock()).containsExactly(10, 2);
		assertThat(this.product.unitPrice()).isEqualTo(new Money(120, "EUR"));
	}

	private int[] stock() {
		return new int[] { this.product.available(), this.product.reserved() };
	}

}
