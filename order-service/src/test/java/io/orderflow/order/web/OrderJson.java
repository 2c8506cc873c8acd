package io.orderflow.order.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orderflow.testsupport.AuthorizationServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code POST /orders} bodies, valid by default (a fresh customer, one line
 * {@code SKU-1 x 2}), with whatever breakage a test needs.
 */
final class OrderJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, @Nullable Object> body = new LinkedHashMap<>();

	private final List<@Nullable Object> lines = new ArrayList<>();

	private boolean defaultLine = true;

	private OrderJson() {
		this.body.put("customerId", AuthorizationServer.newCustomer());
		this.body.put("lines", this.lines);
	}

	static OrderJson anOrder() {
		return new OrderJson();
	}

	OrderJson customerId(@Nullable Object customerId) {
		this.body.put("customerId", customerId);
		return this;
	}

	OrderJson withoutCustomerId() {
		this.body.remove("customerId");
		return this;
	}

	OrderJson line(@Nullable Object sku, @Nullable Object quantity) {
		Map<String, @Nullable Object> line = new LinkedHashMap<>();
		line.put("sku", sku);
		line.put("quantity", quantity);
		return rawLine(line);
	}

	/** Adds a line as given: any map, or null. */
	OrderJson rawLine(@Nullable Object line) {
		this.defaultLine = false;
		this.lines.add(line);
		return this;
	}

	OrderJson noLines() {
		this.defaultLine = false;
		return this;
	}

	OrderJson withoutLines() {
		this.body.remove("lines");
		return this;
	}

	/** Sets a top-level property, e.g. one the API does not define. */
	OrderJson property(String name, @Nullable Object value) {
		this.body.put(name, value);
		return this;
	}

	String customerId() {
		return String.valueOf(this.body.get("customerId"));
	}

	@Override
	public String toString() {
		if (this.defaultLine && this.lines.isEmpty()) {
			line("SKU-1", 2);
		}
		return JSON.writeValueAsString(this.body);
	}

}
