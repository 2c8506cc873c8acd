package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, for every source, the backlog, the age of its oldest unpublished row and the
 * parked rows, and with that whether the database is reachable; scheduled every
 * {@code metrics-interval}. Runs on every instance, leader or not: a backlog that grows
 * while no instance leads is exactly what the alert must see.
 */
final class BacklogProbe implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(BacklogProbe.class);

	// both answered from the partial index on unpublished rows; ids are allocated at
	// insert, so the lowest unpublished id is (nearly) the oldest unpublished row
	private static final String MEASURE = """
			SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL),
			       COALESCE((SELECT extract(epoch FROM clock_timestamp() - created_at)
			                 FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1), 0),
			       (SELECT count(*) FROM outbox_parked)""";

	private final OutboxSources sources;

	BacklogProbe(OutboxSources sources) {
		this.sources = sources;
	}

	@Override
	public void run() {
		this.sources.all().forEach(this::measure);
	}

	void measure(OutboxSource source) {
		try (Connection connection = source.pooledConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(MEASURE)) {
			result.next();
			source.status().measured(result.getLong(1), result.getDouble(2), result.getLong(3));
		}
		catch (SQLException ex) {
			if (!Boolean.FALSE.equals(source.status().reachable())) {
				logger.warn("Outbox source '{}': database unreachable: {}", source.name(), ex.getMessage());
			}
			source.status().unreachable();
		}
	}

}
