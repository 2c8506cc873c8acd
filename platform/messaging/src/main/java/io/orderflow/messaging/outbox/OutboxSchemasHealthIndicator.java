package io.orderflow.messaging.outbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code outboxSchemas}: UP once the schema of every topic the service writes is
 * resolved, DOWN (with the unresolved topics and the last failure) before that. Part of
 * readiness: a service that could not resolve its schemas refuses the events it would
 * have to write.
 */
public class OutboxSchemasHealthIndicator implements HealthIndicator {

	private final OutboxSchemas schemas;

	public OutboxSchemasHealthIndicator(OutboxSchemas schemas) {
		this.schemas = schemas;
	}

	@Override
	public Health health() {
		List<String> unresolved = this.schemas.unresolved();
		if (unresolved.isEmpty()) {
			return Health.up().build();
		}
		Health.Builder down = Health.down().withDetail("unresolved", unresolved);
		@Nullable String failure = this.schemas.lastFailure();
		return ((failure != null) ? down.withDetail("error", failure) : down).build();
	}

}
