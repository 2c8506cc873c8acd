package io.orderflow.relay.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes published rows older than the retention, in chunks of at most
 * {@code cleanup-chunk-size} rows per statement (short transactions, short locks); every
 * {@code cleanup-interval}, for the sources of which this instance owns lane 0 (one
 * instance cleans each source). Unpublished rows are never deleted, however old.
 */
final class OutboxCleanup implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(OutboxCleanup.class);

	private static final String DELETE_CHUNK = """
			DELETE FROM outbox
			WHERE id IN (SELECT id FROM outbox
			             WHERE published_at < now() - make_interval(secs => ?)
			             ORDER BY published_at
			             LIMIT ?)""";

	private final OutboxSources sources;

	private final Duration retention;

	private final int chunkSize;

	OutboxCleanup(OutboxSources sources, Duration retention, int chunkSize) {
		this.sources = sources;
		this.retention = retention;
		this.chunkSize = chunkSize;
	}

	@Override
	public void run() {
		for (OutboxSource source : this.sources.all()) {
			if (source.status().owns(0)) {
				clean(source);
			}
		}
	}

	/**
	 * @param source a source
	 * @return rows deleted
	 */
	long clean(OutboxSource source) {
		long deleted = 0;
		try (Connection connection = source.pooledConnection();
				PreparedStatement statement = connection.prepareStatement(DELETE_CHUNK)) {
			statement.setDouble(1, this.retention.toMillis() / 1000.0);
			statement.setInt(2, this.chunkSize);
			int chunk;
			do {
				chunk = statement.executeUpdate();
				deleted += chunk;
			}
			while (chunk == this.chunkSize && source.status().owns(0));
		}
		catch (SQLException ex) {
			logger.warn("Outbox source '{}': clean-up failed after {} rows, retrying next time: {}", source.name(),
					deleted, ex.getMessage());
		}
		if (deleted > 0) {
			logger.debug("Outbox source '{}': deleted {} published rows older than {}", source.name(), deleted,
					this.retention);
		}
		return deleted;
	}

}
