package io.orderflow.relay.outbox;

import java.util.List;

import io.orderflow.relay.config.RelayProperties;

/**
 * The configured sources, in configuration order; closes their pools with the application
 * context.
 */
final class OutboxSources implements AutoCloseable {

	private final List<OutboxSource> sources;

	OutboxSources(RelayProperties properties) {
		this.sources = properties.sources()
			.stream()
			.map((source) -> new OutboxSource(source, properties.keepsPublishedRows()))
			.toList();
	}

	List<OutboxSource> all() {
		return this.sources;
	}

	@Override
	public void close() {
		this.sources.forEach(OutboxSource::close);
	}

}
