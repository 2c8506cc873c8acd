package io.orderflow.relay.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.orderflow.messaging.outbox.OutboxEvent;
import io.orderflow.relay.config.RelayProperties;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Clean-up, backlog measurement and health, against a real service database (no relay
 * running, no broker needed).
 */
@SpringJUnitConfig(OutboxFixtures.class)
@RealInfrastructure
class OutboxHousekeepingTest {

	private static final String TOPIC = "relay-test.housekeeping";

	@Autowired
	private OutboxDatabase database;

	private OutboxSources sources;

	@BeforeEach
	void emptyOutbox() {
		this.database.jdbc().sql("DELETE FROM outbox").update();
		this.sources = new OutboxSources(properties(this.database.source()));
	}

	@AfterEach
	void closeSources() {
		this.sources.close();
	}

	@Test
	void cleanupDeletesOnlyPublishedRowsOlderThanTheRetentionAndOnlyWhereThisInstanceLeads() {
		List<OutboxEvent> longPublished = append(5);
		List<OutboxEvent> recentlyPublished = append(2);
		List<OutboxEvent> oldButUnpublished = append(3);
		set("published_at = now() - interval '2 hours'", longPublished);
		set("published_at = now() - interval '1 minute'", recentlyPublished);
		set("created_at = now() - interval '3 hours'", oldButUnpublished);
		OutboxSource source = this.sources.all().get(0);
		OutboxCleanup cleanup = new OutboxCleanup(this.sources, Duration.ofMinutes(30), 2);

		source.status().lanes(16, 2, Set.of(1, 2, 3));
		cleanup.run();
		assertThat(rows()).as("only the owner of lane 0 cleans").isEqualTo(10);

		source.status().lanes(16, 2, Set.of(0, 2, 4));
		cleanup.run();
		assertThat(rows()).isEqualTo(5);
		assertThat(this.database.unpublished()).isEqualTo(3);
		assertThat(this.database.published()).isEqualTo(2);
		recentlyPublished
			.forEach((event) -> assertThat(this.database.isPublished(event.eventId().toString())).isTrue());
	}

	@Test
	void probeMeasuresTheBacklogAndTheAgeOfItsOldestRow() {
		List<OutboxEvent> unpublished = append(3);
		set("created_at = now() - interval '1 hour'", unpublished.subList(0, 1));
		set("published_at = now()", append(4));
		OutboxSource source = this.sources.all().get(0);

		new BacklogProbe(this.sources).run();

		assertThat(source.status().reachable()).isTrue();
		assertThat(source.status().backlog()).isEqualTo(3);
		assertThat(source.status().oldestAgeSeconds()).isCloseTo(3600, within(60.0));
	}

	@Test
	void probeReportsAnEmptyOutboxAsZeroBacklogOfAgeZero() {
		OutboxSource source = this.sources.all().get(0);

		new BacklogProbe(this.sources).run();

		assertThat(source.status().backlog()).isZero();
		assertThat(source.status().oldestAgeSeconds()).isZero();
	}

	@Test
	void healthIsDownWithAnUnknownBacklogWhileASourceDatabaseIsUnreachable() {
		try (OutboxSources sources = new OutboxSources(properties(this.database.source(),
				new RelayProperties.Source("gone", "jdbc:postgresql://127.0.0.1:1/none", "nobody", "")))) {
			new BacklogProbe(sources).run();
			Health health = new RelayHealthIndicator(sources).health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("test")).hasToString(
					"{role=standby, lanes=[], laneCount=16, members=0, database=reachable, backlog=0, parked=0}");
			assertThat(sources.all().get(1).status().backlog()).isNaN();
			assertThat(health.getDetails().get("gone"))
				.hasToString("{role=standby, lanes=[], laneCount=0, members=0, database=unreachable, backlog=unknown, "
						+ "parked=unknown}");
		}
	}

	@Test
	void healthIsDownOnceASourcesRelayThreadHasStopped() {
		OutboxSource source = this.sources.all().get(0);
		new BacklogProbe(this.sources).run();
		source.status().relayRunning(true);
		assertThat(new RelayHealthIndicator(this.sources).health().getStatus()).isEqualTo(Status.UP);

		source.status().relayRunning(false);
		Health health = new RelayHealthIndicator(this.sources).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("test"))
			.hasToString("{role=stopped, lanes=[], laneCount=16, members=0, database=reachable, backlog=0, parked=0}");
	}

	private List<OutboxEvent> append(int count) {
		List<OutboxEvent> events = IntStream.range(0, count).mapToObj((i) -> Events.orderPlaced(TOPIC)).toList();
		this.database.append(events);
		return events;
	}

	private void set(String assignment, List<OutboxEvent> events) {
		this.database.jdbc()
			.sql("UPDATE outbox SET " + assignment + " WHERE event_id IN (:ids)")
			.param("ids", events.stream().map(OutboxEvent::eventId).toList())
			.update();
	}

	private long rows() {
		return this.database.jdbc().sql("SELECT count(*) FROM outbox").query(Long.class).single();
	}

	private static RelayProperties properties(RelayProperties.Source... sources) {
		return new RelayProperties(List.of(sources), 500, Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofMinutes(1), 5000, Duration.ofSeconds(5), Duration.ofSeconds(60));
	}

}
