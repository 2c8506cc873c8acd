package io.orderflow.relay.outbox;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.relay.OutboxRelayApplication;
import io.orderflow.relay.config.RelayProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A relay process, as far as a test can tell: its own application context, started and
 * stopped by the test, publishing one source database. Several may run against the same
 * database.
 */
final class RelayInstance implements AutoCloseable {

	/** Properties every relay started by a test shares. */
	static final List<String> TEST_PROPERTIES = List.of("server.port=0", "management.server.port=0",
			"spring.main.banner-mode=off",
			// the messaging module is on the test classpath only to write rows; the relay
			// does not use it
			"spring.autoconfigure.exclude=io.orderflow.messaging.config.MessagingAutoConfiguration",
			"orderflow.relay.takeover-interval=200ms", "orderflow.relay.poll-interval=500ms",
			"orderflow.relay.metrics-interval=200ms");

	private final ConfigurableApplicationContext context;

	private RelayInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a relay whose only source is the database.
	 * @param database the source
	 * @param bootstrapServers the broker
	 * @param properties further properties ({@code key=value}), overriding the defaults
	 * @return the running relay
	 */
	static RelayInstance start(OutboxDatabase database, String bootstrapServers, String... properties) {
		List<String> all = new ArrayList<>(TEST_PROPERTIES);
		all.addAll(sourceProperties(database));
		all.add("spring.kafka.bootstrap-servers=" + bootstrapServers);
		all.addAll(List.of(properties));
		// as command-line arguments, which override application.yml
		String[] arguments = all.stream().map((property) -> "--" + property).toArray(String[]::new);
		return new RelayInstance(
				new SpringApplicationBuilder(OutboxRelayApplication.class).main(OutboxRelayApplication.class)
					.run(arguments));
	}

	static List<String> sourceProperties(OutboxDatabase database) {
		RelayProperties.Source source = database.source();
		return List.of("orderflow.relay.sources[0].name=" + source.name(),
				"orderflow.relay.sources[0].url=" + source.url(),
				"orderflow.relay.sources[0].username=" + source.username(),
				"orderflow.relay.sources[0].password=" + source.password());
	}

	SourceStatus status() {
		return this.context.getBean(OutboxSources.class).all().get(0).status();
	}

	/**
	 * @return whether the instance owns at least one lane, so publishes
	 */
	boolean isPublishing() {
		return status().isPublishing();
	}

	/**
	 * @return how many lanes the instance owns
	 */
	int ownedLanes() {
		return status().ownedLaneCount();
	}

	/**
	 * @return the lane count as the instance last saw it
	 */
	int laneCount() {
		return status().laneCount();
	}

	double published() {
		return this.context.getBean(MeterRegistry.class).get("orderflow.outbox.published").counter().count();
	}

	double publishFailures() {
		return this.context.getBean(MeterRegistry.class).get("orderflow.outbox.publish.failures").counter().count();
	}

	double parked() {
		return this.context.getBean(MeterRegistry.class).get("orderflow.outbox.parked").gauge().value();
	}

	double stepDowns() {
		return this.context.getBean(MeterRegistry.class).get("orderflow.outbox.leader.step.downs").counter().count();
	}

	boolean isRunning() {
		return this.context.isActive();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
