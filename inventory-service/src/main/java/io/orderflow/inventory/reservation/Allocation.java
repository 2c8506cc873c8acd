package io.orderflow.inventory.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.orderflow.inventory.product.Money;
import io.orderflow.inventory.product.Product;
import io.orderflow.inventory.product.Sku;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an order can be reserved against the (locked) stock, without changing
 * anything. All lines or none:
 * <ul>
 * <li>a line with a SKU the inventory does not know is {@code UNKNOWN_SKU};</li>
 * <li>a line whose SKU is short is {@code INSUFFICIENT_STOCK}; demand is summed over all
 * lines with that SKU, so two lines of 3 against 5 available both fail;</li>
 * <li>the order's currency is that of its first line with a known SKU; a line priced in
 * another currency is {@code CURRENCY_MISMATCH};</li>
 * <li>a line whose SKU's demand would take the product's reserved units beyond an
 * {@code int}, whose total ({@code unitPrice x quantity}) does not fit a {@code long}, or
 * that takes the order's total (summed in line order) beyond a {@code long}, is
 * {@code OUT_OF_RANGE}.</li>
 * </ul>
 * A line is reported once, with the first reason in that order; all lines of one SKU
 * share their fate, except that only the lines that do not fit the order's total are
 * reported for it. Every order gets a decision: none makes the inventory fail.
 */
final class Allocation {

	private Allocation() {
	}

	/**
	 * @param order the order
	 * @param products the order's known products (locked), by SKU
	 * @param now the decision time (millisecond precision)
	 * @return {@link StockReserved} with priced lines, or {@link StockRejected} naming
	 * each failing line
	 */
	static StockEvent decide(ReserveStock order, Map<Sku, Product> products, Instant now) {
		Map<Sku, Long> demand = new HashMap<>();
		order.lines().forEach((line) -> demand.merge(line.sku(), (long) line.quantity(), Long::sum));
		String currency = currency(order, products);
		List<RejectedLine> rejected = new ArrayList<>();
		List<PricedLine> priced = new ArrayList<>();
		Money total = null;
		for (RequestedLine line : order.lines()) {
			Product product = products.get(line.sku());
			RejectedLine rejection = check(line, product, demand.get(line.sku()), currency);
			if (rejection != null) {
				rejected.add(rejection);
				continue;
			}
			// known, or check would have rejected it
			Product known = Objects.requireNonNull(product);
			PricedLine pricedLine = price(line, known.unitPrice());
			Money sum = (pricedLine != null) ? add(total, pricedLine.lineTotal()) : null;
			if (pricedLine == null || sum == null) {
				rejected.add(
						new RejectedLine(line.sku(), line.quantity(), known.available(), RejectionReason.OUT_OF_RANGE));
				continue;
			}
			total = sum;
			priced.add(pricedLine);
		}
		if (!rejected.isEmpty()) {
			return new StockRejected(UUID.randomUUID(), order.orderId(), order.customerId(), rejected, now);
		}
		return new StockReserved(UUID.randomUUID(), order.orderId(), order.customerId(), priced,
				Objects.requireNonNull(total), now);
	}

	/**
	 * @return the line priced, or null when its total does not fit a {@code long}
	 */
	private static @Nullable PricedLine price(RequestedLine line, Money unitPrice) {
		try {
			return new PricedLine(line.sku(), line.quantity(), unitPrice, unitPrice.times(line.quantity()));
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	/**
	 * @return the sum (the amount, when there is no total yet), or null when it does not
	 * fit a {@code long}
	 */
	private static @Nullable Money add(@Nullable Money total, Money amount) {
		if (total == null) {
			return amount;
		}
		try {
			return total.plus(amount);
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	private static @Nullable RejectedLine check(RequestedLine line, @Nullable Product product, long demand,
			@Nullable String currency) {
		if (product == null) {
			return new RejectedLine(line.sku(), line.quantity(), 0, RejectionReason.UNKNOWN_SKU);
		}
		if (demand > product.available()) {
			return new RejectedLine(line.sku(), line.quantity(), product.available(),
					RejectionReason.INSUFFICIENT_STOCK);
		}
		if (!product.unitPrice().currency().equals(currency)) {
			return new RejectedLine(line.sku(), line.quantity(), product.available(),
					RejectionReason.CURRENCY_MISMATCH);
		}
		if (product.reserved() + demand > Integer.MAX_VALUE) {
			return new RejectedLine(line.sku(), line.quantity(), product.available(), RejectionReason.OUT_OF_RANGE);
		}
		return null;
	}

	private static @Nullable String currency(ReserveStock order, Map<Sku, Product> products) {
		for (RequestedLine line : order.lines()) {
			Product product = products.get(line.sku());
			if (product != null) {
				return product.unitPrice().currency();
			}
		}
		return null;
	}

}
