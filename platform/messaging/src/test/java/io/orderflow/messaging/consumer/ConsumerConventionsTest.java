package io.orderflow.messaging.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.messaging.serde.AvroSerdeSettings;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.RealInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer conventions against the real broker, registry and PostgreSQL: idempotency
 * by event id, retry of transient failures, dead letters for poison, garbage and
 * unknown-schema records while the partition keeps flowing, and replay of dead letters
 * after the cause is fixed, processed once.
 */
@SpringBootTest(classes = ConsumerConventionsTest.App.class,
		properties = { "spring.kafka.consumer.group-id=conventions", "spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.consumer.enable-auto-commit=false", "spring.kafka.listener.ack-mode=manual_immediate",
				"spring.flyway.locations=classpath:db/messaging", "orderflow.consumer.initial-interval=50ms",
				"orderflow.consumer.max-retries=3" })
@RealInfrastructure
class ConsumerConventionsTest {

	static final Map<UUID, AtomicInteger> APPLIED = new ConcurrentHashMap<>();

	static final Set<String> POISONED_CUSTOMERS = ConcurrentHashMap.newKeySet();

	static final AtomicInteger FLAKY_FAILURES_LEFT = new AtomicInteger(2);

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchemaRegistryProperties registry;

	@Test
	void appliesOnceRetriesTransientFailuresDeadLettersPoisonAndReplaysAfterFix() throws Exception {
		POISONED_CUSTOMERS.add("poison");
		OrderPlaced first = orderPlaced("alice");
		OrderPlaced flaky = orderPlaced("flaky");
		OrderPlaced poison = orderPlaced("poison");
		OrderPlaced last = orderPlaced("bob");
		String key = first.getOrderId().toString(); // one key: everything lands on one
													// partition, in order

		try (KafkaProducer<String, SpecificRecord> avro = avroProducer();
				KafkaProducer<String, byte[]> raw = rawProducer()) {
			avro.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, first)).get();
			avro.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, first)).get(); // redelivery
			avro.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, flaky)).get();
			avro.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, poison)).get();
			raw.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, "not avro".getBytes(StandardCharsets.UTF_8))).get();
			raw.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, unknownSchemaId())).get();
			avro.send(new ProducerRecord<>(Topics.ORDER_PLACED, key, last)).get();
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(APPLIED).containsKey(last.getEventId()));
		assertThat(APPLIED).containsOnlyKeys(first.getEventId(), flaky.getEventId(), last.getEventId());
		assertThat(APPLIED.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(FLAKY_FAILURES_LEFT).hasValue(0);

		List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.deadLetters.list(Topics.ORDER_PLACED), (list) -> list.size() == 3);
		assertThat(letters).extracting(DeadLetter::originalTopic).containsOnly(Topics.ORDER_PLACED);
		assertThat(letters).extracting(DeadLetter::key).containsOnly(key);
		assertThat(letters).extracting(DeadLetter::exception)
			.containsExactly(NonRetryableEventException.class.getName(),
					org.springframework.kafka.support.serializer.DeserializationException.class.getName(),
					org.springframework.kafka.support.serializer.DeserializationException.class.getName());
		assertThat(letters).noneMatch(DeadLetter::replayed);

		POISONED_CUSTOMERS.clear(); // the cause is fixed
		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(APPLIED).containsKey(poison.getEventId()));
		// the two undecodable records fail again and come back as new dead letters
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.deadLetters.list(Topics.ORDER_PLACED), (list) -> list.size() == 5);
		assertThat(this.deadLetters.list(Topics.ORDER_PLACED)).filteredOn(DeadLetter::replayed).hasSize(3);

		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).as("only the new dead letters").isEqualTo(2);
		assertThat(APPLIED.get(poison.getEventId())).hasValue(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_events").query(Long.class).single()).isEqualTo(4);
	}

	private static byte[] unknownSchemaId() {
		return ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
	}

	private static OrderPlaced orderPlaced(String customer) {
		return OrderPlaced.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOrderId(UUID.randomUUID())
			.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setCustomerId(customer)
			.setLines(List.of(new OrderLine("SKU-1", 1)))
			.build();
	}

	private KafkaProducer<String, SpecificRecord> avroProducer() {
		AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
		serializer.configure(AvroSerdeSettings.serializer(this.registry), false);
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
				new StringSerializer(), serializer);
	}

	private static KafkaProducer<String, byte[]> rawProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@SpringBootApplication
	static class App {

		@Bean
		Handler handler(ProcessedEvents processedEvents) {
			return new Handler(processedEvents);
		}

		@Bean
		Listener listener(Handler handler) {
			return new Listener(handler);
		}

	}

	static class Listener {

		private final Handler handler;

		Listener(Handler handler) {
			this.handler = handler;
		}

		@KafkaListener(topics = Topics.ORDER_PLACED)
		void on(ConsumerRecord<String, OrderPlaced> record, Acknowledgment ack) {
			this.handler.apply(record.value());
			ack.acknowledge();
		}

	}

	static class Handler {

		private final ProcessedEvents processedEvents;

		Handler(ProcessedEvents processedEvents) {
			this.processedEvents = processedEvents;
		}

		@Transactional
		public void apply(OrderPlaced event) {
			if (!this.processedEvents.claim(event.getEventId(), Topics.ORDER_PLACED)) {
				return;
			}
			if (POISONED_CUSTOMERS.contains(event.getCustomerId())) {
				throw new NonRetryableEventException("customer " + event.getCustomerId() + " is poisoned");
			}
			if (event.getCustomerId().equals("flaky")
					&& FLAKY_FAILURES_LEFT.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("transient failure");
			}
			APPLIED.computeIfAbsent(event.getEventId(), (id) -> new AtomicInteger()).incrementAndGet();
		}

	}

}
