package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, for every source and each of its lanes, the backlog and the age of its oldest
 * unpublished row, and the parked rows, and with that whether the database is reachable;
 * scheduled every {@code metrics-interval}. Runs on every instance, whichever lanes it
 * owns: a backlog that grows while no instance leads is exactly what the alert must see.
 */
final class BacklogProbe implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(BacklogProbe.class);

	// answered from the partial index on unpublished rows, per lane; ids are allocated at
	// insert, so the lowest unpublished id is (nearly) the oldest unpublished row. Every
	// lane of the count gets a row, also those without backlog
	private static final String MEASURE = """
			SELECT n.lane, COALESCE(b.rows, 0), COALESCE(b.age, 0), (SELECT count(*) FROM outbox_parked)
			FROM outbox_lanes l
			CROSS JOIN generate_series(0, l.lanes - 1) AS n(lane)
			LEFT JOIN (SELECT lane, count(*) AS rows, extract(epoch FROM clock_timestamp() - min(created_at)) AS age
			           FROM outbox WHERE published_at IS NULL GROUP BY lane) b ON b.lane = n.lane
			ORDER BY n.lane""";

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
			List<Lanes.Backlog> lanes = new ArrayList<>();
			long backlog = 0;
			double oldest = 0;
			long parked = 0;
			while (result.next()) {
				Lanes.Backlog lane = new Lanes.Backlog(result.getInt(1), result.getLong(2), result.getDouble(3));
				lanes.add(lane);
				backlog += lane.rows();
				oldest = Math.max(oldest, lane.oldestAgeSeconds());
				parked = result.getLong(4);
			}
			source.status().measured(backlog, oldest, parked, lanes);
		}
		catch (SQLException ex) {
			if (!Boolean.FALSE.equals(source.status().reachable())) {
				logger.warn("Outbox source '{}': database unreachable: {}", source.name(), ex.getMessage());
			}
			source.status().unreachable();
		}
	}

}
