package io.orderflow.relay.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.relay.config.RelayProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Wires the relay: per configured source a connection pool, a producer and a relay
 * thread; the backlog probe and the clean-up on Spring Boot's task scheduler; the health
 * indicator ({@code outboxRelay}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RelayConfiguration {

	@Bean(destroyMethod = "close")
	OutboxSources outboxSources(RelayProperties properties) {
		return new OutboxSources(properties);
	}

	/**
	 * @param springKafka Spring Boot's producer factory, used only for the configuration
	 * it derived from {@code spring.kafka.*}
	 * @param meters the meter registry
	 * @return the factory of the relay's producers
	 */
	@Bean
	RelayProducerFactory relayProducerFactory(ProducerFactory<?, ?> springKafka, MeterRegistry meters) {
		return new RelayProducerFactory(springKafka.getConfigurationProperties(), meters);
	}

	/**
	 * Tells rows that can never be published from a broker that fails for now; asks the
	 * broker, through the relay's admin client, whether a topic exists.
	 */
	@Bean
	Unpublishable unpublishable(Admin relayAdmin) {
		return new Unpublishable((topic) -> {
			try {
				// bounded: while the broker is down, every failed batch asks
				relayAdmin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(3_000))
					.allTopicNames()
					.get(5, TimeUnit.SECONDS);
				return Optional.of(true);
			}
			catch (ExecutionException ex) {
				return (ex.getCause() instanceof UnknownTopicOrPartitionException) ? Optional.of(false)
						: Optional.empty();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			catch (java.util.concurrent.TimeoutException ex) {
				return Optional.empty();
			}
		});
	}

	@Bean
	RelayRunner relayRunner(OutboxSources sources, RelayProducerFactory producers, RelayProperties properties,
			MeterRegistry meters, Unpublishable unpublishable) {
		StopSignal stop = new StopSignal();
		List<SourceRelay> relays = new ArrayList<>();
		List<BatchPublisher> publishers = new ArrayList<>();
		for (OutboxSource source : sources.all()) {
			BatchPublisher publisher = new BatchPublisher(source.name(), producers);
			publishers.add(publisher);
			SourceMetrics metrics = new SourceMetrics(source.name(), source.status(), meters);
			relays.add(new SourceRelay(source, publisher, metrics, properties, stop, unpublishable));
		}
		return new RelayRunner(relays, publishers, stop);
	}

	@Bean
	BacklogProbe backlogProbe(OutboxSources sources) {
		return new BacklogProbe(sources);
	}

	@Bean
	OutboxCleanup outboxCleanup(OutboxSources sources, RelayProperties properties) {
		return new OutboxCleanup(sources, properties.retention(), properties.cleanupChunkSize());
	}

	@Bean
	SchedulingConfigurer outboxHousekeeping(BacklogProbe probe, OutboxCleanup cleanup, RelayProperties properties) {
		return (registrar) -> {
			registrar.addFixedDelayTask(probe, properties.metricsInterval());
			if (properties.keepsPublishedRows()) {
				registrar.addFixedDelayTask(cleanup, properties.cleanupInterval());
			}
		};
	}

	@Bean
	HealthIndicator outboxRelayHealthIndicator(OutboxSources sources) {
		return new RelayHealthIndicator(sources);
	}

}
