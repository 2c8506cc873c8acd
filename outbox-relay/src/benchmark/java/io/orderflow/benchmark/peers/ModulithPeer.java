package io.orderflow.benchmark.peers;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's JDBC event publication registry with its Kafka externalization, as
 * its documentation sets it up: the event is published with the
 * {@link ApplicationEventPublisher} in the business transaction, the registry stores it
 * in {@code event_publication} in that transaction, after the commit an asynchronous
 * listener sends it through the KafkaTemplate and the registry marks it completed when
 * the send's future completes. Mapped to a {@link Message} with the same payload bytes
 * and key as the relay's records ({@code spring.modulith.events.kafka.enable-json=false},
 * a byte-array serializer); the producer has the relay's settings but
 * {@code linger.ms=0}, this peer's best (each event is sent on its own: 20k backlog
 * 1,036 events/s with the relay's 5 ms, 1,851 with 0).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ModulithPeer {

	/** Settings of the peer's context (besides database and broker). */
	public static final Map<String, String> PROPERTIES = Map.of("spring.modulith.events.jdbc.schema-initialization.enabled",
			"true", "spring.modulith.events.kafka.enable-json", "false", "namastack.outbox.enabled", "false", "spring.kafka.producer.properties.linger.ms", "0");

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.selectByType(BenchEvent.class)
			.mapping(BenchEvent.class, ModulithPeer::message)
			.route(BenchEvent.class, (event) -> RoutingTarget.forTarget(event.topic()).andKey(event.aggregateId()))
			.build();
	}

	private static Message<byte[]> message(BenchEvent event) {
		return MessageBuilder.withPayload(event.payload()).setHeader(Acknowledged.CREATED, Acknowledged.created(event)).build();
	}

	@Bean
	Acknowledged acknowledged() {
		return new Acknowledged();
	}

	@Bean
	PeerOutbox modulith(ApplicationEventPublisher events, TransactionTemplate transactions, JdbcTemplate jdbc,
			Acknowledged acknowledged) {
		return new PeerOutbox("Spring Modulith JDBC registry + Kafka externalization", transactions,
				events::publishEvent, jdbc, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
				"SELECT true", acknowledged);
	}

}
