package io.orderflow.messaging.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.orderflow.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The shared migrations' {@code afterMigrate} callback on a real PostgreSQL: the relay's
 * role (the session setting {@code orderflow.relay_role}, as the services' Flyway sets
 * it) may connect, read, mark and delete outbox rows and park them, and nothing else; any
 * other role may not even connect. Without the setting nothing is granted.
 */
class RelayRoleGrantsTest {

	private final PostgresServer postgres = PostgresServer.get();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String relay = "relay_" + this.suffix;

	private final String stranger = "stranger_" + this.suffix;

	private final String url = this.postgres.createDatabase("relay-role-grants");

	@AfterEach
	void dropRoles() throws SQLException {
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			String database = this.url.substring(this.url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("DROP ROLE IF EXISTS " + this.relay);
			statement.execute("DROP ROLE IF EXISTS " + this.stranger);
		}
	}

	@Test
	void theRelaysRoleReachesTheOutboxAndNothingElse() throws SQLException {
		createRoles();
		migrate("SET orderflow.relay_role TO '" + this.relay + "'");

		try (Connection connection = as(this.relay); Statement statement = connection.createStatement()) {
			assertThatNoException().isThrownBy(() -> statement.executeQuery("SELECT count(*) FROM outbox").close());
			assertThatNoException()
				.isThrownBy(() -> statement.executeUpdate("UPDATE outbox SET published_at = now() WHERE false"));
			assertThatNoException().isThrownBy(() -> statement.executeUpdate("DELETE FROM outbox WHERE false"));
			assertThatNoException()
				.isThrownBy(() -> statement.executeQuery("SELECT count(*) FROM outbox_parked").close());
			assertThatNoException()
				.isThrownBy(() -> statement.executeQuery("SELECT lanes, epoch FROM outbox_lanes").close());
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("SELECT outbox_set_lanes(4)"))
				.withMessageContaining("permission denied for function outbox_set_lanes");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate("INSERT INTO outbox (event_id) VALUES (gen_random_uuid())"))
				.withMessageContaining("permission denied for table outbox");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("SELECT count(*) FROM processed_events"))
				.withMessageContaining("permission denied for table processed_events");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("SELECT count(*) FROM flyway_schema_history"))
				.withMessageContaining("permission denied");
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> as(this.stranger).close())
			.withMessageContaining("CONNECT");
	}

	@Test
	void withoutTheSettingNobodyIsGrantedAnything() throws SQLException {
		createRoles();
		migrate(null);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> as(this.relay).close())
			.withMessageContaining("CONNECT");
	}

	private void createRoles() throws SQLException {
		try (Connection admin = admin(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE " + this.relay + " LOGIN PASSWORD 'relay'");
			statement.execute("CREATE ROLE " + this.stranger + " LOGIN PASSWORD 'stranger'");
		}
	}

	private void migrate(String initSql) {
		Flyway.configure()
			.dataSource(this.url, this.postgres.username(), this.postgres.password())
			.locations("classpath:db/messaging")
			.initSql(initSql)
			.load()
			.migrate();
	}

	private Connection as(String role) throws SQLException {
		return DriverManager.getConnection(this.url, role, role.startsWith("relay") ? "relay" : "stranger");
	}

	private Connection admin() throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl("postgres"), this.postgres.username(),
				this.postgres.password());
	}

}
