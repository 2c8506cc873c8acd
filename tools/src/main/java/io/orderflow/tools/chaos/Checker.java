package io.orderflow.tools.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.orderflow.schemas.Topics;
import io.orderflow.tools.chaos.History.Phase;
import io.orderflow.tools.chaos.History.Post;
import io.orderflow.tools.chaos.History.Terminal;
import org.jspecify.annotations.Nullable;

/**
 * Checks the whole history of a run against what the suite guarantees, in the manner of
 * Jepsen: every accepted order is in order-service's database and on
 * {@code orders.order-placed.v1} (else <b>lost</b>); it is terminal (else <b>stuck</b>);
 * no topic carries two different events of one kind for it (else <b>duplicated</b>); its
 * status agrees with inventory's reservation and payment's charge (else
 * <b>inconsistent</b>: e.g. confirmed but not charged, charged but not confirmed); stock
 * and money are conserved exactly (what left the load products and the load account is
 * what the confirmed orders bought); no record went to a dead-letter topic; no client saw
 * a 5xx other than 503.
 */
final class Checker {

	private final Stack stack;

	private final String bootstrapServers;

	Checker(Stack stack, String bootstrapServers) {
		this.stack = stack;
		this.bootstrapServers = bootstrapServers;
	}

	ChaosReport check(History history, Ledger before, Ledger after, long runStartEpochMillis) throws SQLException {
		List<Post> posts = history.posts();
		Map<String, Terminal> terminals = history.terminals();
		List<String> accepted = posts.stream().map(Post::orderId).filter(Objects::nonNull).toList();
		Map<String, OrderRow> orders = orders(accepted);
		Map<String, String> reservations = statuses("inventory",
				"SELECT order_id::text, status FROM reservation WHERE order_id = ANY (?::uuid[])", accepted);
		Map<String, String> payments = statuses("payment",
				"SELECT order_id::text, status FROM payments WHERE order_id = ANY (?::uuid[])", accepted);
		Map<String, TopicHistory> topics = new TreeMap<>();
		for (String topic : Topics.ALL) {
			topics.put(topic, TopicHistory.read(this.bootstrapServers, topic, runStartEpochMillis));
		}
		Map<String, Integer> deadLetters = new TreeMap<>();
		for (String topic : Topics.ALL) {
			int letters = TopicHistory.read(this.bootstrapServers, Topics.deadLetter(topic), runStartEpochMillis)
				.records();
			if (letters > 0) {
				deadLetters.put(Topics.deadLetter(topic), letters);
			}
		}
		Map<String, List<String>> placedEvents = topics.get(Topics.ORDER_PLACED).eventsByKey();

		List<ChaosReport.Row> rows = new ArrayList<>();
		List<String> stuckTrails = new ArrayList<>();
		for (Phase phase : history.phases()) {
			List<Post> ofPhase = posts.stream().filter((post) -> post.phase() == phase).toList();
			Map<String, Integer> refused = new TreeMap<>();
			int lost = 0;
			int stuck = 0;
			int duplicated = 0;
			int inconsistent = 0;
			long lastTerminal = phase.healedAt();
			boolean allTerminal = true;
			int acceptedInPhase = 0;
			for (Post post : ofPhase) {
				String id = post.orderId();
				if (id == null) {
					refused.merge(post.outcome(), 1, Integer::sum);
					continue;
				}
				acceptedInPhase++;
				OrderRow order = orders.get(id);
				if (order == null || !placedEvents.containsKey(id)) {
					lost++;
					continue;
				}
				if (order.status().equals("PENDING")) {
					stuck++;
					if (stuckTrails.size() < 20) {
						stuckTrails.add(trail(id, phase.name, reservations.get(id), payments.get(id), topics));
					}
				}
				String key = id;
				if (topics.values()
					.stream()
					.anyMatch((topic) -> topic.eventsByKey().getOrDefault(key, List.of()).size() > 1)) {
					duplicated++;
				}
				if (!consistent(order.status(), reservations.get(id), payments.get(id))) {
					inconsistent++;
				}
				Terminal terminal = terminals.get(id);
				if (post.at() <= phase.healedAt()) {
					if (terminal == null) {
						allTerminal = false;
					}
					else {
						lastTerminal = Math.max(lastTerminal, terminal.seenAt());
					}
				}
			}
			Double recovery = allTerminal ? (lastTerminal - phase.healedAt()) / 1e9 : null;
			rows.add(new ChaosReport.Row(phase.name, phase.description, acceptedInPhase, refused, lost, duplicated,
					inconsistent, stuck, recovery, phase.failure()));
		}
		Map<String, Integer> redelivered = new TreeMap<>();
		topics.forEach((topic, content) -> {
			if (content.redelivered() > 0) {
				redelivered.put(topic, content.redelivered());
			}
		});
		return new ChaosReport(rows, deadLetters, redelivered, conservation(orders, before, after), serverErrors(posts),
				stuckTrails);
	}

	/**
	 * How far a stuck order's saga got: e.g. {@code 1f0c... (relay-kill): reservation
	 * RESERVED, payment none; events: orders.order-placed.v1 x1,
	 * inventory.stock-reserved.v1 x1}.
	 */
	static String trail(String id, String phase, @Nullable String reservation, @Nullable String payment,
			Map<String, TopicHistory> topics) {
		StringBuilder events = new StringBuilder();
		topics.forEach((topic, content) -> {
			int count = content.eventsByKey().getOrDefault(id, List.of()).size();
			if (count > 0) {
				events.append((events.length() > 0) ? ", " : "").append(topic).append(" x").append(count);
			}
		});
		return id + " (" + phase + "): reservation " + ((reservation != null) ? reservation : "none") + ", payment "
				+ ((payment != null) ? payment : "none") + "; events: " + ((events.length() > 0) ? events : "none");
	}

	/**
	 * What order-service says agrees with what inventory and payment did: a confirmed
	 * order's stock is sold and its charge completed; a rejected one was never charged; a
	 * cancelled one holds no stock and keeps no charge.
	 */
	static boolean consistent(String order, @Nullable String reservation, @Nullable String payment) {
		return switch (order) {
			case "CONFIRMED" -> "SOLD".equals(reservation) && "COMPLETED".equals(payment);
			case "REJECTED" -> "REJECTED".equals(reservation) && payment == null;
			case "CANCELLED" ->
				!"RESERVED".equals(reservation) && !"SOLD".equals(reservation) && !"COMPLETED".equals(payment);
			default -> true; // PENDING: counted as stuck
		};
	}

	private List<String> conservation(Map<String, OrderRow> orders, Ledger before, Ledger after) {
		List<String> violations = new ArrayList<>();
		Map<String, Long> sold = new HashMap<>();
		long charged = 0;
		for (OrderRow order : orders.values()) {
			if (order.status().equals("CONFIRMED")) {
				order.lines().forEach((sku, quantity) -> sold.merge(sku, (long) quantity, Long::sum));
				charged += order.totalMinor();
			}
		}
		if (before.balanceMinor() - after.balanceMinor() != charged) {
			violations.add("balance: the load account lost " + (before.balanceMinor() - after.balanceMinor())
					+ ", the confirmed orders cost " + charged);
		}
		for (Map.Entry<String, Long> stock : before.stock().entrySet()) {
			long left = stock.getValue() - after.stock().getOrDefault(stock.getKey(), 0L);
			long bought = sold.getOrDefault(stock.getKey(), 0L);
			if (left != bought) {
				violations.add("stock of " + stock.getKey() + ": " + left + " units left, the confirmed orders bought "
						+ bought);
			}
			long stillReserved = after.reserved().getOrDefault(stock.getKey(), 0L)
					- before.reserved().getOrDefault(stock.getKey(), 0L);
			if (stillReserved != 0) {
				violations.add("stock of " + stock.getKey() + ": " + stillReserved + " units still reserved");
			}
		}
		return violations;
	}

	private static int serverErrors(List<Post> posts) {
		return (int) posts.stream()
			.filter((post) -> post.outcome().startsWith("HTTP 5") && !post.outcome().equals("HTTP 503"))
			.count();
	}

	private Map<String, OrderRow> orders(List<String> ids) throws SQLException {
		Map<String, OrderRow> orders = new HashMap<>();
		try (Connection connection = this.stack.connectTo("order");
				PreparedStatement query = connection.prepareStatement("""
						SELECT o.id::text, o.status, COALESCE(o.total_amount_minor, 0), l.sku, l.quantity
						FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
						WHERE o.id = ANY (?::uuid[])""")) {
			query.setArray(1, texts(connection, ids));
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					String id = result.getString(1);
					OrderRow order = orders.get(id);
					if (order == null) {
						order = new OrderRow(result.getString(2), result.getLong(3), new HashMap<>());
						orders.put(id, order);
					}
					if (result.getString(4) != null) {
						order.lines().merge(result.getString(4), result.getInt(5), Integer::sum);
					}
				}
			}
		}
		return orders;
	}

	private Map<String, String> statuses(String service, String sql, List<String> ids) throws SQLException {
		Map<String, String> statuses = new HashMap<>();
		try (Connection connection = this.stack.connectTo(service);
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setArray(1, texts(connection, ids));
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					statuses.put(result.getString(1), result.getString(2));
				}
			}
		}
		return statuses;
	}

	private static Array texts(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	/**
	 * An order as order-service has it.
	 *
	 * @param status its status
	 * @param totalMinor its total, once priced
	 * @param lines units per SKU
	 */
	record OrderRow(String status, long totalMinor, Map<String, Integer> lines) {

	}

}
