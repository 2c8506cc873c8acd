package io.orderflow.order.web;

import java.net.URI;

import io.orderflow.order.OrderId;
import io.orderflow.order.OrderService;
import io.orderflow.order.PlaceOrder;
import io.orderflow.order.PlacedOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /orders}: place an order, read one, list a customer's orders.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	/** Request header that makes {@code POST /orders} safe to retry. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** What an idempotency key looks like: no spaces, at most 255 characters. */
	static final String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7E]{1," + PlaceOrder.MAX_IDEMPOTENCY_KEY_LENGTH + "}";

	/** Response header set when a retried request returns the order placed before. */
	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderResponse> place(
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Pattern(regexp = IDEMPOTENCY_KEY_PATTERN,
					message = "must be 1 to 255 visible ASCII characters") @Nullable String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request) {
		PlacedOrder placed = this.orders.place(request.toCommand(idempotencyKey));
		OrderResponse body = OrderResponse.of(placed.order());
		ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/orders/" + body.id()));
		if (placed.replayed()) {
			created.header(IDEMPOTENT_REPLAYED, "true");
		}
		return created.body(body);
	}

	@GetMapping("/{id}")
	OrderResponse get(@PathVariable String id) {
		return OrderId.parse(id)
			.flatMap(this.orders::find)
			.map(OrderResponse::of)
			.orElseThrow(OrderNotFoundException::new);
	}

	@GetMapping
	PagedModel<OrderResponse> list(@RequestParam @NotBlank String customerId,
			@RequestParam(defaultValue = "0") @PositiveOrZero int page,
			@RequestParam(defaultValue = "20") @Range(min = 1, max = 100) int size) {
		return new PagedModel<>(this.orders.findByCustomer(customerId, page, size).map(OrderResponse::of));
	}

}
