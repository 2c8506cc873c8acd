package io.orderflow.inventory.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the inventory database says: stock levels, reservations, processed events.
 */
final class InventoryDatabase {

	private final JdbcClient jdbc;

	InventoryDatabase(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	StockLevel stock(String sku) {
		return this.jdbc.sql("SELECT available, reserved FROM product WHERE sku = :sku")
			.param("sku", sku)
			.query((rs, n) -> new StockLevel(rs.getInt("available"), rs.getInt("reserved")))
			.single();
	}

	Optional<String> reservationStatus(UUID orderId) {
		return this.jdbc.sql("SELECT status FROM reservation WHERE order_id = :id")
			.param("id", orderId)
			.query(String.class)
			.optional();
	}

	List<String> reservationStatuses(List<UUID> orderIds) {
		return this.jdbc.sql("SELECT status FROM reservation WHERE order_id = ANY(:ids)")
			.param("ids", orderIds.toArray(UUID[]::new))
			.query(String.class)
			.list();
	}

	List<String> reservationLines(UUID orderId) {
		return this.jdbc.sql("""
				SELECT sku || ' x' || quantity || ' ' || coalesce(unit_price_minor::text, rejection, '-')
				FROM reservation_line WHERE order_id = :id ORDER BY line_no
				""").param("id", orderId).query(String.class).list();
	}

	/**
	 * @param orderIds orders
	 * @return units reserved per SKU by those of them whose reservation is
	 * {@code RESERVED}
	 */
	Map<String, Long> reservedUnits(List<UUID> orderIds) {
		return this.jdbc.sql("""
				SELECT l.sku, sum(l.quantity) AS units FROM reservation r JOIN reservation_line l USING (order_id)
				WHERE r.order_id = ANY(:ids) AND r.status = 'RESERVED' GROUP BY l.sku
				""")
			.param("ids", orderIds.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getString("sku"), rs.getLong("units")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	boolean processed(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * @param available units free to reserve
	 * @param reserved units reserved
	 */
	record StockLevel(int available, int reserved) {

	}

}
