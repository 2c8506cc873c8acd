package io.orderflow.order.web;

import java.util.List;
import java.util.Objects;

import io.orderflow.order.OrderLine;
import io.orderflow.order.PlaceOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /orders}. Carries no prices: inventory owns them, and a body with
 * any other property (such as {@code unitPrice}) is rejected.
 *
 * @param customerId who orders: optional, and when given it must be the caller (the
 * token's subject); required only while security is off
 * @param lines what to order
 */
record PlaceOrderRequest(@CustomerId @Nullable String customerId,
		@NotEmpty(message = "must contain at least one line") @Size(max = PlaceOrder.MAX_LINES,
				message = "must contain at most {max} lines") @Nullable List<@NotNull @Valid Line> lines) {

	/**
	 * @param sku the article
	 * @param quantity units
	 */
	record Line(
			@NotNull @Pattern(regexp = OrderLine.SKU_PATTERN,
					message = "must be 1 to 64 letters, digits, '.', '_' or '-'") @Nullable String sku,
			@NotNull @Range(min = OrderLine.MIN_QUANTITY, max = OrderLine.MAX_QUANTITY) @Nullable Integer quantity) {

	}

	/**
	 * @param customer who orders (the caller)
	 * @param idempotencyKey the {@code Idempotency-Key} header, or null
	 * @return the command; call only after validation
	 */
	PlaceOrder toCommand(String customer, @Nullable String idempotencyKey) {
		List<OrderLine> orderLines = Objects.requireNonNull(this.lines)
			.stream()
			.map((line) -> new OrderLine(Objects.requireNonNull(line.sku()), Objects.requireNonNull(line.quantity())))
			.toList();
		return new PlaceOrder(customer, orderLines, idempotencyKey);
	}

}
