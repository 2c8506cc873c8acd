package io.orderflow.order.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.orderflow.order.OrderId;
import io.orderflow.order.OrderService;
import io.orderflow.order.OrderView;
import io.orderflow.order.OrderWatch;
import io.orderflow.order.PlaceOrder;
import io.orderflow.order.PlacedOrder;
import io.orderflow.web.InvalidField;
import io.orderflow.web.ProblemException;
import io.orderflow.web.Problems;
import io.orderflow.web.security.Caller;
import io.orderflow.web.openapi.OpenApiAutoConfiguration;
import io.orderflow.web.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * {@code /orders}: place an order, read one (or wait for it to move on), list a
 * customer's orders, and, for operators, the pending orders near or past their saga
 * deadline.
 */
@RestController
@RequestMapping("/orders")
@Tag(name = "orders", description = "Place orders and follow them through the saga to their outcome")
class OrderController {

	/** Request header that makes {@code POST /orders} safe to retry. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** What an idempotency key looks like: no spaces, at most 255 characters. */
	static final String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7E]{1," + PlaceOrder.MAX_IDEMPOTENCY_KEY_LENGTH + "}";

	/** Response header set when a retried request returns the order placed before. */
	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	/** Query parameter of the long-poll: how long to wait for the order to move on. */
	static final String WAIT_FOR_CHANGE = "waitForChange";

	/**
	 * Query parameter of the long-poll for the outcome: how long to wait for a terminal
	 * status.
	 */
	static final String WAIT_FOR_OUTCOME = "waitForOutcome";

	/** 0 to 30 seconds ({@link OrderWatch#LONGEST_WAIT}), with or without the unit. */
	static final String WAIT_PATTERN = "([0-9]|[12][0-9]|30)s?";

	private static final String WAIT_MESSAGE = "must be a number of seconds from 0 to 30, e.g. 5s";

	/**
	 * Query parameter of {@code /orders/overdue}: how far ahead of the deadline to look.
	 */
	static final String WITHIN = "within";

	/** Most orders on a page of {@code GET /orders}. */
	static final int MAX_PAGE_SIZE = 100;

	/**
	 * Highest page number of {@code GET /orders}: the database skips at most
	 * {@code MAX_PAGE x MAX_PAGE_SIZE} = 1,000,000 rows of a customer's index for one
	 * request, far more orders than a customer has, far fewer than a request could ask it
	 * to skip without the bound.
	 */
	static final int MAX_PAGE = 10_000;

	private final OrderService orders;

	private final OrderWatch watch;

	private final OrderRateLimit rateLimit;

	OrderController(OrderService orders, OrderWatch watch, OrderRateLimit rateLimit) {
		this.orders = orders;
		this.watch = watch;
		this.rateLimit = rateLimit;
	}

	@Operation(summary = "Place an order", description = """
			Places an order for the caller (a customer's token; an operator's token may name the customer \
			in customerId). The order is PENDING until the saga decides: CONFIRMED, REJECTED or CANCELLED; \
			follow it with GET /orders/{id}?waitForOutcome=10s. With an Idempotency-Key, a retry of the same \
			request returns the order placed before (Idempotent-Replayed: true) instead of a second order.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "two lines", value = """
									{"lines":[{"sku":"SKU-1","quantity":2},{"sku":"SKU-2","quantity":1}]}"""))))
	@ApiResponse(responseCode = "201", description = "Placed, or placed before with this Idempotency-Key",
			headers = { @Header(name = HttpHeaders.LOCATION, description = "/orders/{id}"),
					@Header(name = HttpHeaders.ETAG, description = "the order's version, for If-None-Match"),
					@Header(name = IDEMPOTENT_REPLAYED, description = "true when the order was placed before") })
	@ApiResponse(responseCode = "422", description = "A SKU twice, or an Idempotency-Key reused for another request",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = OpenApiAutoConfiguration.PROBLEM_REF),
					examples = @ExampleObject(name = "duplicate-sku",
							value = """
									{"type":"https://orderflow.io/problems/duplicate-sku","title":"Duplicate SKU","status":422,"detail":"The order names the same SKU in more than one line"}""")))
	@ApiResponse(responseCode = "429",
			description = "The customer placed too many orders just now; retry after Retry-After seconds",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = OpenApiAutoConfiguration.PROBLEM_REF),
					examples = @ExampleObject(name = "too-many-orders",
							value = """
									{"type":"https://orderflow.io/problems/too-many-orders","title":"Too many orders","status":429,"detail":"Too many orders for this customer; retry later"}""")))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderResponse> place(@Parameter(
			description = "makes the request safe to retry: 1 to 255 visible ASCII characters, one per order the client means to place") @RequestHeader(
					name = IDEMPOTENCY_KEY, required = false) @Pattern(regexp = IDEMPOTENCY_KEY_PATTERN,
							message = "must be 1 to 255 visible ASCII characters") @Nullable String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request, Caller caller) {
		String customer = customer(caller, request.customerId());
		this.rateLimit.acquire(customer);
		PlacedOrder placed = this.orders.place(request.toCommand(customer, idempotencyKey));
		OrderResponse body = OrderResponse.of(placed.order());
		ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/orders/" + body.id()))
			.eTag(OrderTags.tag(placed.order()));
		if (placed.replayed()) {
			created.header(IDEMPOTENT_REPLAYED, "true");
		}
		return created.body(body);
	}

	/**
	 * The order, with its version as the entity tag: a request whose
	 * {@code If-None-Match} names the current version is answered 304.
	 */
	@Operation(summary = "Read an order, or wait for it to move on", description = """
			The order with its lines, total and timeline; its version is the ETag. With If-None-Match naming \
			the current version, 304. With waitForChange (0-30 s), answered as soon as the order moves on \
			from that version (a bounded long-poll); with waitForOutcome, as soon as its status is terminal \
			(CONFIRMED, REJECTED, CANCELLED); after the wait, the order as it stands (304 if unchanged).""")
	@ApiResponse(responseCode = "200", description = "The order",
			headers = @Header(name = HttpHeaders.ETAG, description = "the order's version"))
	@ApiResponse(responseCode = "304", description = "The order is still at the version If-None-Match names")
	@ApiResponse(responseCode = "404", description = "No such order, or one of another customer", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = OpenApiAutoConfiguration.PROBLEM_REF),
			examples = @ExampleObject(name = "order-not-found",
					value = """
							{"type":"https://orderflow.io/problems/order-not-found","title":"Order not found","status":404,"detail":"There is no order with this id"}""")))
	@GetMapping("/{id}")
	ResponseEntity<OrderResponse> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			Caller caller) {
		OrderView order = OrderId.parse(id)
			.flatMap(this.orders::find)
			.filter(visibleTo(caller))
			.orElseThrow(OrderNotFoundException::new);
		return respond(order, OrderTags.version(ifNoneMatch));
	}

	/**
	 * The bounded long-poll: answered as soon as the order moves on from the version the
	 * client names in {@code If-None-Match} (without one, from the version it has when
	 * the request arrives), at once when it has already or is terminal, else after the
	 * wait with the order as it stands (304 when the client named that version).
	 */
	@GetMapping(path = "/{id}", params = { WAIT_FOR_CHANGE, "!" + WAIT_FOR_OUTCOME })
	CompletableFuture<ResponseEntity<OrderResponse>> awaitChange(@PathVariable String id,
			@Parameter(description = "how long to wait for the order to move on: 0 to 30 seconds, e.g. 5s",
					example = "5s") @RequestParam(WAIT_FOR_CHANGE) @Pattern(regexp = WAIT_PATTERN,
							message = WAIT_MESSAGE) String waitForChange,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			Caller caller) {
		OptionalLong known = OrderTags.version(ifNoneMatch);
		return watch(id, waitForChange, known,
				(order, wait) -> this.watch.awaitChange(order, known, wait, visibleTo(caller)));
	}

	/**
	 * The long-poll for the outcome: answered as soon as the order's status is terminal
	 * (at once when it is), else after the wait with the order as it stands (304 when the
	 * client named that version in {@code If-None-Match}). One request follows an order
	 * from its placement to its outcome.
	 */
	@GetMapping(path = "/{id}", params = { WAIT_FOR_OUTCOME, "!" + WAIT_FOR_CHANGE })
	CompletableFuture<ResponseEntity<OrderResponse>> awaitOutcome(@PathVariable String id,
			@Parameter(description = "how long to wait for a terminal status: 0 to 30 seconds, e.g. 10s",
					example = "10s") @RequestParam(WAIT_FOR_OUTCOME) @Pattern(regexp = WAIT_PATTERN,
							message = WAIT_MESSAGE) String waitForOutcome,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			Caller caller) {
		return watch(id, waitForOutcome, OrderTags.version(ifNoneMatch),
				(order, wait) -> this.watch.awaitOutcome(order, wait, visibleTo(caller)));
	}

	private CompletableFuture<ResponseEntity<OrderResponse>> watch(String id, String wait, OptionalLong known,
			BiFunction<OrderId, Duration, CompletableFuture<Optional<OrderView>>> watching) {
		OrderId orderId = OrderId.parse(id).orElseThrow(OrderNotFoundException::new);
		Duration seconds = Duration.ofSeconds(Long.parseLong(wait.replace("s", "")));
		return watching.apply(orderId, seconds)
			.thenApply((order) -> respond(order.orElseThrow(OrderNotFoundException::new), known));
	}

	private static ResponseEntity<OrderResponse> respond(OrderView order, OptionalLong known) {
		String tag = OrderTags.tag(order);
		if (known.isPresent() && known.getAsLong() == order.version()) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
		}
		return ResponseEntity.ok().eTag(tag).body(OrderResponse.of(order));
	}

	/**
	 * For operators: the orders still {@code PENDING} whose saga deadline has passed or
	 * passes within {@code within} (an ISO 8601 duration from {@code PT0S}, the default,
	 * to {@code P7D}), oldest first, at most {@value OrderService#MAX_OVERDUE}.
	 */
	@Operation(summary = "Pending orders near or past their saga deadline (operators: orders:admin)")
	@GetMapping("/overdue")
	OverdueOrdersResponse overdue(@RequestParam(name = WITHIN, defaultValue = "PT0S") @DurationMin(seconds = 0,
			message = "must not be negative") @DurationMax(days = 7, message = "must be at most P7D") Duration within) {
		return OverdueOrdersResponse.of(within, OrderService.MAX_OVERDUE, this.orders.findOverdue(within));
	}

	/**
	 * A customer's orders, newest first: the caller's own ({@code customerId} may be left
	 * out, or must name the caller), or with {@code orders:admin} any customer's; pages
	 * of 1 to {@value #MAX_PAGE_SIZE}, numbered 0 to {@value #MAX_PAGE}.
	 */
	@Operation(summary = "A customer's orders, newest first",
			description = "The caller's own, or with orders:admin any customer's; pages of 1 to 100, numbered 0 to 10,000")
	@GetMapping
	PagedModel<OrderResponse> list(@RequestParam(required = false) @CustomerId @Nullable String customerId,
			@RequestParam(defaultValue = "0") @Range(min = 0, max = MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Range(min = 1, max = MAX_PAGE_SIZE) int size, Caller caller) {
		String customer = (customerId != null) ? customerId
				: caller.id()
					.orElseThrow(() -> new ProblemException(
							Problems.invalidRequest(List.of(new InvalidField("customerId", "is required"))), null));
		if (!caller.mayAccess(customer, Scopes.ORDERS_ADMIN)) {
			throw new ProblemException(Problems.forbidden("A customer may list only their own orders"), null);
		}
		return new PagedModel<>(this.orders.findByCustomer(customer, page, size).map(OrderResponse::of));
	}

	/**
	 * Who places an order: the caller, never someone a body names. While security is off,
	 * the body's {@code customerId}.
	 */
	private static String customer(Caller caller, @Nullable String named) {
		if (!caller.secured()) {
			if (named == null) {
				throw new ProblemException(
						Problems.invalidRequest(List.of(new InvalidField("customerId", "must not be null"))), null);
			}
			return named;
		}
		String subject = caller.id().orElseThrow();
		if (named != null && !named.equals(subject)) {
			throw new ProblemException(
					Problems.forbidden("An order is placed for the caller; leave customerId out or name yourself"),
					null);
		}
		return subject;
	}

	/**
	 * The caller sees their own orders, a holder of {@code orders:admin} every order; any
	 * other order is answered as if it did not exist.
	 */
	private static Predicate<OrderView> visibleTo(Caller caller) {
		return (order) -> caller.mayAccess(order.customerId(), Scopes.ORDERS_ADMIN);
	}

}
