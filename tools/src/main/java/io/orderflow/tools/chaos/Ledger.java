package io.orderflow.tools.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money and the stock the run's orders draw on: the load customers' balances and the
 * load products' available and reserved units, read from the services' databases.
 *
 * @param balanceMinor the customers' balances, summed
 * @param stock units per SKU: available plus reserved
 * @param reserved reserved units per SKU
 */
record Ledger(long balanceMinor, Map<String, Long> stock, Map<String, Long> reserved) {

	static Ledger read(Stack stack, List<String> customers, List<String> skus) throws SQLException {
		long balance;
		try (Connection payment = stack.connectTo("payment");
				PreparedStatement query = payment.prepareStatement(
						"SELECT coalesce(sum(balance_minor), 0) FROM accounts WHERE customer_id = ANY (?)")) {
			query.setArray(1, payment.createArrayOf("text", customers.toArray()));
			try (ResultSet result = query.executeQuery()) {
				balance = result.next() ? result.getLong(1) : 0;
			}
		}
		Map<String, Long> stock = new TreeMap<>();
		Map<String, Long> reserved = new TreeMap<>();
		try (Connection inventory = stack.connectTo("inventory");
				PreparedStatement query = inventory
					.prepareStatement("SELECT sku, available, reserved FROM product WHERE sku = ANY (?)")) {
			Array array = inventory.createArrayOf("text", skus.toArray());
			query.setArray(1, array);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					stock.put(result.getString(1), result.getLong(2) + result.getLong(3));
					reserved.put(result.getString(1), result.getLong(3));
				}
			}
		}
		return new Ledger(balance, stock, reserved);
	}

}
