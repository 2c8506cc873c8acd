package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.orderflow.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's session on a real PostgreSQL: the settings its statements depend on.
 */
class OutboxSessionSettingsTest {

	@Test
	void neitherSortsNorCompilesItsStatements() throws SQLException {
		PostgresServer postgres = PostgresServer.get();
		String url = postgres.createDatabase("outbox-session-settings");
		Flyway.configure()
			.dataSource(url, postgres.username(), postgres.password())
			.locations("classpath:db/messaging")
			.load()
			.migrate();
		Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
		try (OutboxSession session = new OutboxSession(connection, false)) {
			assertThat(session.view().lanes()).isEqualTo(16);
			assertThat(setting(connection, "enable_sort")).isEqualTo("off");
			// the lanes' view must sort all the same, which with sorts disabled costs
			// more than the server's threshold for JIT compilation: compiled on every
			// call it took 120-270 ms instead of 0.2
			assertThat(plannedCost(connection, OutboxSession.VIEW))
				.isGreaterThan(Double.parseDouble(setting(connection, "jit_above_cost")));
			assertThat(setting(connection, "jit")).isEqualTo("off");
		}
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private static double plannedCost(Connection connection, String sql) throws SQLException {
		String explain = "EXPLAIN (FORMAT JSON) "
				+ sql.replace("?::oid", "%d::oid".formatted(Integer.toUnsignedLong(Lanes.MEMBER_SPACE)));
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(explain)) {
			result.next();
			String plan = result.getString(1);
			int at = plan.indexOf("\"Total Cost\": ") + "\"Total Cost\": ".length();
			return Double.parseDouble(plan.substring(at, plan.indexOf(',', at)));
		}
	}

}
