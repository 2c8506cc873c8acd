package io.orderflow.order;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one order as a client sees it, in plain SQL: the read behind every {@code GET
 * /orders/{id}} and every answer of the long-poll, the most frequent statement of the
 * service; and the pending orders near their saga deadline, for operators
 * ({@link #pendingPlacedBefore}).
 * <p>
 * One statement (the order row, its lines and its timeline as arrays of subqueries), so
 * one round trip, one snapshot (never a timeline newer than the version it is read with),
 * no transaction of its own and no persistence context: loading the aggregate through
 * Hibernate cost a read-only transaction and three queries, and the entity was only
 * turned into an {@link OrderView}.
 */
@Component
class OrderReads {

	private static final String FIND = """
			SELECT o.version, o.customer_id, o.status, o.total_amount_minor, o.total_currency, o.created_at,
			       ARRAY(SELECT l.sku FROM order_lines l WHERE l.order_id = o.id ORDER BY l.line_no) AS skus,
			       ARRAY(SELECT l.quantity FROM order_lines l WHERE l.order_id = o.id ORDER BY l.line_no) AS quantities,
			       ARRAY(SELECT t.step FROM order_timeline t WHERE t.order_id = o.id ORDER BY t.position) AS steps,
			       ARRAY(SELECT t.occurred_at FROM order_timeline t WHERE t.order_id = o.id ORDER BY t.position) AS times,
			       ARRAY(SELECT t.detail FROM order_timeline t WHERE t.order_id = o.id ORDER BY t.position) AS details
			FROM orders o
			WHERE o.id = ?
			""";

	private final JdbcClient jdbc;

	OrderReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param id an order id
	 * @return the order as committed, or empty when there is none with this id
	 */
	Optional<OrderView> find(OrderId id) {
		return this.jdbc.sql(FIND).param(id.value()).query((row, n) -> view(id, row)).optional();
	}

	/**
	 * @param placedBefore the latest placement time (inclusive)
	 * @param limit most orders listed
	 * @param deadline the saga deadline
	 * @param asOf the time the ages are measured at
	 * @return the orders still {@code PENDING} that were placed by then, oldest first
	 */
	List<OverdueOrder> pendingPlacedBefore(Instant placedBefore, int limit, Duration deadline, Instant asOf) {
		return this.jdbc.sql("""
				SELECT id, customer_id, status, created_at FROM orders
				WHERE status = 'PENDING' AND created_at <= :placedBefore
				ORDER BY created_at, id
				LIMIT :limit
				""")
			.param("placedBefore", OffsetDateTime.ofInstant(placedBefore, ZoneOffset.UTC))
			.param("limit", limit)
			.query((row, n) -> {
				Instant placedAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
				return new OverdueOrder(new OrderId(row.getObject("id", UUID.class)), row.getString("customer_id"),
						OrderStatus.valueOf(row.getString("status")), placedAt, placedAt.plus(deadline),
						Duration.between(placedAt, asOf));
			})
			.list();
	}

	private static OrderView view(OrderId id, ResultSet row) throws SQLException {
		long amount = row.getLong("total_amount_minor");
		Money total = row.wasNull() ? null : new Money(amount, row.getString("total_currency"));
		String[] skus = elements(row.getArray("skus"), String[].class);
		Integer[] quantities = elements(row.getArray("quantities"), Integer[].class);
		List<OrderLine> lines = new ArrayList<>(skus.length);
		for (int i = 0; i < skus.length; i++) {
			lines.add(new OrderLine(skus[i], quantities[i]));
		}
		String[] steps = elements(row.getArray("steps"), String[].class);
		Timestamp[] times = elements(row.getArray("times"), Timestamp[].class);
		String[] details = elements(row.getArray("details"), String[].class);
		List<TimelineEntry> timeline = new ArrayList<>(steps.length);
		for (int i = 0; i < steps.length; i++) {
			timeline.add(new TimelineEntry(SagaStep.valueOf(steps[i]), times[i].toInstant(), details[i]));
		}
		Instant createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
		return new OrderView(id, row.getString("customer_id"), OrderStatus.valueOf(row.getString("status")),
				List.copyOf(lines), total, createdAt, List.copyOf(timeline), row.getLong("version"));
	}

	private static <T> T elements(@Nullable Array array, Class<T> type) throws SQLException {
		if (array == null) {
			throw new IllegalStateException("ARRAY(subquery) is never null");
		}
		try {
			return type.cast(array.getArray());
		}
		finally {
			array.free();
		}
	}

}
