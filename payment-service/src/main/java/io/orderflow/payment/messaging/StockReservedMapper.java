package io.orderflow.payment.messaging;

import java.util.List;

import io.orderflow.messaging.consumer.Inbound;
import io.orderflow.messaging.consumer.NonRetryableEventException;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.payment.charge.ChargeOrder;
import io.orderflow.schemas.avro.PricedLine;
import io.orderflow.schemas.avro.StockReserved;
import io.orderflow.service.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: {@code StockReserved} (Avro) to the {@link ChargeOrder} command. Checks the
 * contract the schema cannot express: at least one line, positive quantities, amounts not
 * negative, one ISO 4217 currency, line totals of unit price x quantity, a total that is
 * the sum of the line totals. A record that breaks it can never be processed and goes to
 * the dead-letter topic without retries ({@link NonRetryableEventException}).
 */
final class StockReservedMapper {

	private StockReservedMapper() {
	}

	/**
	 * @param value the record value ({@code null} for a tombstone)
	 * @return the event id and the command
	 * @throws NonRetryableEventException when the event violates the contract
	 */
	static Inbound<ChargeOrder> toInbound(@Nullable Object value) {
		StockReserved event = Inbound.expect(StockReserved.class, value);
		Money total = money(event, "total", event.getTotal());
		require(event, !event.getLines().isEmpty(), "it has no lines");
		require(event, sumOfLines(event, total.currency()) == total.amountMinor(),
				"total " + total + " is not the sum of its line totals");
		String customer = event.getCustomerId();
		require(event, !customer.isBlank() && customer.length() <= CustomerId.MAX_LENGTH,
				"customer id must have 1 to " + CustomerId.MAX_LENGTH + " characters");
		return new Inbound<>(event.getEventId(),
				new ChargeOrder(new OrderId(event.getOrderId()), new CustomerId(customer), total));
	}

	private static long sumOfLines(StockReserved event, String currency) {
		List<PricedLine> lines = event.getLines();
		long sum = 0;
		for (int i = 0; i < lines.size(); i++) {
			PricedLine line = lines.get(i);
			String name = "line " + (i + 1) + " (" + line.getSku() + ")";
			require(event, line.getQuantity() > 0, name + " has quantity " + line.getQuantity());
			Money unitPrice = money(event, name + " unit price", line.getUnitPrice());
			Money lineTotal = money(event, name + " total", line.getLineTotal());
			require(event, unitPrice.currency().equals(currency) && lineTotal.currency().equals(currency),
					name + " is not in the order currency " + currency);
			require(event, multiply(event, unitPrice.amountMinor(), line.getQuantity()) == lineTotal.amountMinor(),
					name + " total is not unit price x quantity");
			sum = add(event, sum, lineTotal.amountMinor());
		}
		return sum;
	}

	private static Money money(StockReserved event, String name, io.orderflow.schemas.avro.Money money) {
		require(event, money.getAmountMinor() >= 0, name + " is negative: " + money.getAmountMinor());
		require(event, Money.isCurrencyCode(money.getCurrency()),
				name + " has no ISO 4217 currency: " + money.getCurrency());
		return new Money(money.getAmountMinor(), money.getCurrency());
	}

	/** Both factors are positive here. */
	private static long multiply(StockReserved event, long amount, int quantity) {
		long product = amount * quantity;
		require(event, product / quantity == amount, "amount overflows: " + amount + " x " + quantity);
		return product;
	}

	/** Both summands are not negative here. */
	private static long add(StockReserved event, long sum, long amount) {
		long result = sum + amount;
		require(event, result >= sum, "total overflows");
		return result;
	}

	private static void require(StockReserved event, boolean condition, String violation) {
		if (!condition) {
			throw new NonRetryableEventException("StockReserved " + event.getEventId() + " of order "
					+ event.getOrderId() + " violates the contract: " + violation);
		}
	}

}
