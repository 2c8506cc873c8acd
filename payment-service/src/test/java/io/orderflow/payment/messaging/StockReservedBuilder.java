package io.orderflow.payment.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderflow.schemas.avro.Money;
import io.orderflow.schemas.avro.PricedLine;
import io.orderflow.schemas.avro.StockReserved;
import org.jspecify.annotations.Nullable;

/**
 * Test fixture: a {@code StockReserved} as inventory-service publishes it (one line of
 * 25.00 EUR unless told otherwise), with ways to break its contract.
 */
final class StockReservedBuilder {

	private final String customerId;

	private UUID orderId = UUID.randomUUID();

	private String currency = "EUR";

	private final List<PricedLine> lines = new ArrayList<>();

	private @Nullable Long total;

	private StockReservedBuilder(String customerId) {
		this.customerId = customerId;
	}

	/**
	 * @param customerId the customer charged
	 * @return a builder of the customer's {@code StockReserved} for a new order
	 */
	static StockReservedBuilder stockReserved(String customerId) {
		return new StockReservedBuilder(customerId);
	}

	/** Another event for this order. */
	StockReservedBuilder orderId(UUID orderId) {
		this.orderId = orderId;
		return this;
	}

	StockReservedBuilder currency(String currency) {
		this.currency = currency;
		return this;
	}

	/** One line of one unit at this price: the order total. */
	StockReservedBuilder totaling(long amountMinor) {
		this.lines.clear();
		return line("SKU-1", 1, amountMinor);
	}

	StockReservedBuilder line(String sku, int quantity, long unitPriceMinor) {
		this.lines.add(new PricedLine(sku, quantity, money(unitPriceMinor), money(unitPriceMinor * quantity)));
		return this;
	}

	/** A line whose line total is not unit price x quantity. */
	StockReservedBuilder lineWithTotal(String sku, int quantity, long unitPriceMinor, long lineTotalMinor) {
		this.lines.add(new PricedLine(sku, quantity, money(unitPriceMinor), money(lineTotalMinor)));
		return this;
	}

	/** Overrides the total (by default the sum of the line totals). */
	StockReservedBuilder total(long amountMinor) {
		this.total = amountMinor;
		return this;
	}

	StockReservedBuilder noLines() {
		this.lines.clear();
		this.total = 0L;
		return this;
	}

	StockReserved build() {
		List<PricedLine> built = this.lines.isEmpty() && this.total == null
				? List.of(new PricedLine("SKU-1", 1, money(2500), money(2500))) : List.copyOf(this.lines);
		long sum = built.stream().mapToLong((line) -> line.getLineTotal().getAmountMinor()).sum();
		return StockReserved.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(this.orderId)
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setCustomerId(this.customerId)
			.setLines(built)
			.setTotal(money((this.total != null) ? this.total : sum))
			.build();
	}

	private Money money(long amountMinor) {
		return new Money(amountMinor, this.currency);
	}

}
