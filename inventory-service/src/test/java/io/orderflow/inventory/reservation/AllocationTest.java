package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.Product;
import io.orderflow.inventory.product.ProductDefinition;
import io.orderflow.inventory.product.Sku;
import io.orderflow.service.OrderId;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All lines or none, decided against locked stock.
 */
class AllocationTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

	private final Map<Sku, Product> stock = new LinkedHashMap<>();

	@Test
	void pricesEveryLineAndTotalsThemWhenAllAreAvailable() {
		stock("A", 250, "EUR", 5);
		stock("B", 1000, "EUR", 1);

		StockEvent decision = Allocation.decide(order(line("A", 2), line("B", 1)), this.stock, NOW);

		assertThat(decision).isInstanceOfSatisfying(StockReserved.class, (reserved) -> {
			assertThat(reserved.lines()).containsExactly(
					new PricedLine(new Sku("A"), 2, new Money(250, "EUR"), new Money(500, "EUR")),
					new PricedLine(new Sku("B"), 1, new Money(1000, "EUR"), new Money(1000, "EUR")));
			assertThat(reserved.total()).isEqualTo(new Money(1500, "EUR"));
			assertThat(reserved.occurredAt()).isEqualTo(NOW);
		});
	}

	@Test
	void namesEveryFailingLineAndOnlyThose() {
		stock("A", 250, "EUR", 5);
		stock("B", 1000, "EUR", 1);

		assertRejects(order(line("A", 2), line("B", 2), line("X", 1)),
				rejected("B", 2, 1, RejectionReason.INSUFFICIENT_STOCK),
				rejected("X", 1, 0, RejectionReason.UNKNOWN_SKU));
	}

	@Test
	void sumsTheDemandOfLinesWithTheSameSku() {
		stock("A", 250, "EUR", 5);

		assertRejects(order(line("A", 3), line("A", 3)), rejected("A", 3, 5, RejectionReason.INSUFFICIENT_STOCK),
				rejected("A", 3, 5, RejectionReason.INSUFFICIENT_STOCK));
	}

	@Test
	void rejectsLinesInAnotherCurrencyThanTheFirstKnownProduct() {
		stock("A", 250, "EUR", 5);
		stock("B", 300, "USD", 5);

		assertRejects(order(line("X", 1), line("A", 1), line("B", 1)), rejected("X", 1, 0, RejectionReason.UNKNOWN_SKU),
				rejected("B", 1, 5, RejectionReason.CURRENCY_MISMATCH));
	}

	@Test
	void rejectsALineWhoseTotalDoesNotFitALong() {
		stock("A", 250, "EUR", 5);
		stock("B", Long.MAX_VALUE / 2, "EUR", 5);

		assertRejects(order(line("A", 1), line("B", 3)), rejected("B", 3, 5, RejectionReason.OUT_OF_RANGE));
	}

	@Test
	void rejectsTheLinesThatTakeTheOrderTotalBeyondALong() {
		stock("A", Long.MAX_VALUE / 2, "EUR", 5);
		stock("B", Long.MAX_VALUE / 2, "EUR", 5);
		stock("C", 2, "EUR", 5);
		stock("D", 1, "EUR", 5);

		// A + B is one below the largest long: C does not fit on top of them, D does
		assertRejects(order(line("A", 1), line("B", 1), line("C", 1), line("D", 1)),
				rejected("C", 1, 5, RejectionReason.OUT_OF_RANGE));
	}

	@Test
	void pricesTheLargestTotalThatFitsALong() {
		stock("A", Long.MAX_VALUE / 2, "EUR", 5);
		stock("B", Long.MAX_VALUE / 2 + 1, "EUR", 5);

		assertThat(Allocation.decide(order(line("A", 1), line("B", 1)), this.stock, NOW)).isInstanceOfSatisfying(
				StockReserved.class,
				(reserved) -> assertThat(reserved.total()).isEqualTo(new Money(Long.MAX_VALUE, "EUR")));
	}

	@Test
	void rejectsALineThatWouldTakeTheReservedUnitsBeyondAnInt() {
		Product product = stock("A", 100, "EUR", Integer.MAX_VALUE - 1);
		product.reserve(Integer.MAX_VALUE - 1, NOW);
		// what a PUT of available stock does while units are still reserved
		ReflectionTestUtils.setField(product, "available", 5);

		assertRejects(order(line("A", 2)), rejected("A", 2, 5, RejectionReason.OUT_OF_RANGE));
	}

	@Test
	void theLargestOrderAtTheHighestPriceTheApiAcceptsIsReserved() {
		// 50 lines of 1000 units at the highest price PUT /products accepts
		List<RequestedLine> lines = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			stock("P" + i, 100_000_000_000L, "EUR", 1000);
			lines.add(line("P" + i, 1000));
		}

		assertThat(Allocation.decide(order(lines.toArray(RequestedLine[]::new)), this.stock, NOW))
			.isInstanceOfSatisfying(StockReserved.class,
					(reserved) -> assertThat(reserved.total()).isEqualTo(new Money(5_000_000_000_000_000L, "EUR")));
	}

	private Product stock(String sku, long priceMinor, String currency, int available) {
		Product product = new Product(
				new ProductDefinition(new Sku(sku), sku, new Money(priceMinor, currency), available), NOW);
		this.stock.put(new Sku(sku), product);
		return product;
	}

	/** Asserts that the order is rejected naming exactly these lines, in this order. */
	private void assertRejects(ReserveStock order, RejectedLine... lines) {
		assertThat(Allocation.decide(order, this.stock, NOW)).isInstanceOfSatisfying(StockRejected.class,
				(rejected) -> assertThat(rejected.rejectedLines()).containsExactly(lines));
	}

	private static RejectedLine rejected(String sku, int requested, int available, RejectionReason reason) {
		return new RejectedLine(new Sku(sku), requested, available, reason);
	}

	private static RequestedLine line(String sku, int quantity) {
		return new RequestedLine(new Sku(sku), quantity);
	}

	private static ReserveStock order(RequestedLine... lines) {
		return new ReserveStock(new OrderId(UUID.randomUUID()), "alice", List.of(lines));
	}

}
