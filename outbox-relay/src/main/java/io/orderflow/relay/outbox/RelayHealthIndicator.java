package io.orderflow.relay.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Each source's role on this instance ({@code publishing} some lanes, {@code standby}, or
 * {@code stopped} once its relay thread ended), whether its database was reachable at the
 * last measurement, and its backlog. DOWN while a source database is unreachable (nothing
 * of it can be published, by any instance) or a relay thread has stopped; a standby is
 * healthy. Part of the readiness group, not of liveness: restarting the relay would not
 * bring a database back.
 */
final class RelayHealthIndicator implements HealthIndicator {

	private final OutboxSources sources;

	RelayHealthIndicator(OutboxSources sources) {
		this.sources = sources;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean healthy = true;
		boolean anyUnknown = false;
		for (OutboxSource source : this.sources.all()) {
			SourceStatus status = source.status();
			details.put(source.name(), status.details());
			Boolean reachable = status.reachable();
			healthy &= !Boolean.FALSE.equals(reachable) && !status.relayStopped();
			anyUnknown |= reachable == null;
		}
		Health.Builder health = healthy ? (anyUnknown ? Health.unknown() : Health.up()) : Health.down();
		return health.withDetails(details).build();
	}

}
