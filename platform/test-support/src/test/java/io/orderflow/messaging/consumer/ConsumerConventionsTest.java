package io.orderflow.messaging.consumer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.messaging.serde.SchemaRegistryProperties;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.ListenerAssignments;
import io.orderflow.testsupport.RealInfrastructure;
import io.orderflow.testsupport.SagaEvents;
import io.orderflow.testsupport.SchemaRegistryServer;
import io.orderflow.testsupport.TestProducer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The consumer conventions against the real broker, registry and PostgreSQL: idempotency
 * by event id, retry of failures (transient ones without a cap), dead letters for poison,
 * garbage and unknown-schema records, with their original bytes and headers, while the
 * partition keeps flowing, and replay of dead letters after the cause is fixed, processed
 * once.
 */
@SpringBootTest(classes = ConsumerConventionsTest.App.class,
		properties = { "spring.kafka.consumer.enable-auto-commit=false",
				"spring.kafka.listener.ack-mode=manual_immediate",
				"spring.flyway.locations=classpath:db/messaging,classpath:db/conventions",
				"orderflow.consumer.initial-interval=50ms", "orderflow.consumer.max-retries=3" })
@RealInfrastructure
class ConsumerConventionsTest {

	static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

	static final Set<String> POISONED_CUSTOMERS = ConcurrentHashMap.newKeySet();

	static final AtomicInteger FLAKY_FAILURES_LEFT = new AtomicInteger(2);

	static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

	/**
	 * Customers whose events fail on their second attempt (a deadlock in a
	 * re-application).
	 */
	static final Set<String> FAIL_ON_SECOND_ATTEMPT = ConcurrentHashMap.newKeySet();

	static final AtomicInteger LOCKED_FAILURES_LEFT = new AtomicInteger();

	static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchemaRegistryProperties registry;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EventPipeline pipeline;

	@Autowired
	Handler handler;

	@Test
	void appliesOnceRetriesTransientFailuresDeadLettersPoisonAndReplaysAfterFix() throws Exception {
		POISONED_CUSTOMERS.add("poison");
		OrderPlaced first = orderPlaced("alice");
		OrderPlaced flaky = orderPlaced("flaky");
		OrderPlaced poison = orderPlaced("poison");
		OrderPlaced refused = orderPlaced("refused");
		OrderPlaced last = orderPlaced("bob");
		String key = first.getOrderId().toString(); // one key: everything lands on one
													// partition, in order

		// the group starts at the log end (other test classes share the topic): consume
		// only what this test sends
		ListenerAssignments.await(this.listeners);
		try (TestProducer producer = new TestProducer(this.registry)) {
			producer.send(Topics.ORDER_PLACED, key, first);
			producer.send(Topics.ORDER_PLACED, key, first); // redelivery
			producer.send(Topics.ORDER_PLACED, key, flaky);
			producer.send(Topics.ORDER_PLACED, key, poison);
			producer.send(Topics.ORDER_PLACED, key, refused);
			producer.sendGarbage(Topics.ORDER_PLACED, key);
			producer.sendUnknownSchemaId(Topics.ORDER_PLACED, key);
			producer.send(Topics.ORDER_PLACED, key, last);
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> applied().contains(last.getEventId()));
		List<UUID> sent = List.of(first.getEventId(), flaky.getEventId(), poison.getEventId(), refused.getEventId(),
				last.getEventId());
		assertThat(applied()).filteredOn(sent::contains)
			.as("committed effects, once each, in record order")
			.containsExactly(first.getEventId(), flaky.getEventId(), last.getEventId());
		assertThat(FLAKY_FAILURES_LEFT).as("retried until it succeeded").hasValue(0);
		assertThat(ATTEMPTS.get(poison.getEventId())).as("never retried").hasValue(1);
		assertThat(ATTEMPTS.get(refused.getEventId())).as("never retried").hasValue(1);

		List<DeadLetter> letters = await().atMost(Duration.ofSeconds(30))
			.until(() -> deadLetters(key), (list) -> list.size() == 4);
		long pendingBefore = pendingDeadLetters() - 4;
		assertThat(letters).extracting(DeadLetter::originalTopic).containsOnly(Topics.ORDER_PLACED);
		assertThat(letters).extracting(DeadLetter::key).containsOnly(key);
		assertThat(letters).extracting(DeadLetter::exception)
			.containsExactly(NonRetryableEventException.class.getName(), IllegalArgumentException.class.getName(),
					NonRetryableEventException.class.getName(), NonRetryableEventException.class.getName());
		assertThat(letters.get(2).message()).contains("cannot be decoded");
		assertThat(letters).noneMatch(DeadLetter::replayed);

		POISONED_CUSTOMERS.clear(); // the cause is fixed
		// a replay takes every dead letter of the topic not replayed yet, other tests'
		// too: these four among them
		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).isEqualTo(pendingBefore + 4);
		await().atMost(Duration.ofSeconds(30)).until(() -> applied().contains(poison.getEventId()));
		// the refused command and the two undecodable records fail again and come back
		// as new dead letters
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(key), (list) -> list.size() == 7);
		assertThat(deadLetters(key)).filteredOn(DeadLetter::replayed).hasSize(4);

		assertThat(deadLetters(key)).filteredOn((letter) -> !letter.replayed()).hasSize(3);
		// (other tests' dead letters, replayed above, may be coming back meanwhile)
		assertThat(this.deadLetters.replay(Topics.ORDER_PLACED)).as("the new dead letters, not the replayed ones")
			.isBetween(3, (int) pendingDeadLetters() + 3);
		assertThat(deadLetters(key).subList(0, 7)).allMatch(DeadLetter::replayed);
		assertThat(applied()).filteredOn(sent::contains)
			.containsExactly(first.getEventId(), flaky.getEventId(), last.getEventId(), poison.getEventId());
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?, ?, ?, ?)")
			.params(first.getEventId(), flaky.getEventId(), poison.getEventId(), refused.getEventId(),
					last.getEventId())
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	/**
	 * One poll, one transaction: when record i of a batch fails, the transaction rolls
	 * back, records 0..i-1 are applied again on their own and committed once, and the
	 * failure names record i; the records after it are not applied before it. The batch
	 * goes straight to the pipeline (the container would deliver it as one poll), the
	 * database is real.
	 */
	@Test
	void aRecordFailingMidBatchIsIsolatedAndNothingIsAppliedTwice() {
		List<OrderPlaced> events = List.of(orderPlaced("a"), orderPlaced("b"), orderPlaced("fails-once"),
				orderPlaced("d"), orderPlaced("e"));
		FAIL_ONCE.add("fails-once");
		List<ConsumerRecord<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			batch.add(new ConsumerRecord<>(Topics.ORDER_PLACED, 0, 1000 + i, "key", events.get(i)));
		}
		List<UUID> ids = events.stream().map(OrderPlaced::getEventId).toList();
		AtomicInteger acknowledged = new AtomicInteger();
		Acknowledgment ack = acknowledged::incrementAndGet;

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.pipeline.process(batch, ack, this::map, this.handler::apply))
			.satisfies((ex) -> assertThat(ex.getIndex()).isEqualTo(2))
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(applied()).filteredOn(ids::contains)
			.as("the records before the failed one, once each")
			.containsExactlyElementsOf(ids.subList(0, 2));
		assertThat(ATTEMPTS.get(ids.get(0))).as("applied in the batch that rolled back, then on its own").hasValue(2);
		assertThat(ATTEMPTS.get(ids.get(1))).hasValue(2);
		assertThat(ATTEMPTS).as("never applied before the failed record").doesNotContainKeys(ids.get(3), ids.get(4));
		assertThat(acknowledged).as("the error handler commits the offsets before the failed record").hasValue(0);

		// what the container delivers next: the failed record and the ones after it
		this.pipeline.process(batch.subList(2, 5), ack, this::map, this.handler::apply);
		assertThat(applied()).filteredOn(ids::contains).as("each once, in record order").containsExactlyElementsOf(ids);
		assertThat(ATTEMPTS.get(ids.get(2))).as("failed, then retried").hasValue(2);
		assertThat(acknowledged).hasValue(1);

		// and the whole batch once more, as after a crash before the acknowledgment
		double redeliveredBefore = redelivered();
		this.pipeline.process(batch, ack, this::map, this.handler::apply);
		assertThat(applied()).filteredOn(ids::contains).as("a redelivered batch changes nothing").hasSize(5);
		assertThat(redelivered() - redeliveredBefore).isEqualTo(5);
	}

	/**
	 * A batch rolled back by a failing record is applied again up to that record, and
	 * when that second transaction fails as well (here a deadlock on an earlier record),
	 * the records before that one are applied once more before the error handler may
	 * commit their offsets: no offset is committed for a record whose effect was rolled
	 * back.
	 */
	@Test
	void whenTheReapplicationFailsTooTheRecordsBeforeItAreStillCommittedBeforeTheirOffsets() {
		List<OrderPlaced> events = List.of(orderPlaced("a2"), orderPlaced("deadlocked"), orderPlaced("c2"),
				orderPlaced("fails-once-2"), orderPlaced("e2"));
		FAIL_ONCE.add("fails-once-2");
		FAIL_ON_SECOND_ATTEMPT.add("deadlocked");
		List<ConsumerRecord<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			batch.add(new ConsumerRecord<>(Topics.ORDER_PLACED, 0, 2000 + i, "key", events.get(i)));
		}
		List<UUID> ids = events.stream().map(OrderPlaced::getEventId).toList();
		AtomicInteger acknowledged = new AtomicInteger();
		Acknowledgment ack = acknowledged::incrementAndGet;

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.pipeline.process(batch, ack, this::map, this.handler::apply))
			.satisfies((ex) -> assertThat(ex.getIndex()).as("the record that failed last").isEqualTo(1));
		assertThat(applied()).filteredOn(ids::contains)
			.as("what the error handler will commit the offset of is applied, once")
			.containsExactly(ids.get(0));
		assertThat(ATTEMPTS.get(ids.get(0))).as("in the batch, in the second try, on its own").hasValue(3);

		// what the container delivers next: the failed record and the ones after it
		this.pipeline.process(batch.subList(1, 5), ack, this::map, this.handler::apply);
		assertThat(applied()).filteredOn(ids::contains).as("each once, in record order").containsExactlyElementsOf(ids);
		FAIL_ON_SECOND_ATTEMPT.remove("deadlocked");
	}

	/**
	 * A transient failure (here a lock timeout, as PostgreSQL reports it) is retried for
	 * as long as it lasts, beyond the retries an unclassified failure gets, and never
	 * dead-lettered; each failed delivery is counted.
	 */
	@Test
	void aTransientFailureIsRetriedBeyondTheRetryCapAndNeverDeadLettered() {
		LOCKED_FAILURES_LEFT.set(6); // max-retries is 3 in this test
		OrderPlaced locked = orderPlaced("locked");
		String key = locked.getOrderId().toString();
		double retriesBefore = retries("transient");
		ListenerAssignments.await(this.listeners);
		try (TestProducer producer = new TestProducer(this.registry)) {
			producer.send(Topics.ORDER_PLACED, key, locked);
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> applied().contains(locked.getEventId()));
		assertThat(LOCKED_FAILURES_LEFT).hasValue(0);
		assertThat(ATTEMPTS.get(locked.getEventId())).as("6 failures, then success").hasValue(7);
		assertThat(retries("transient") - retriesBefore).isEqualTo(6);
		assertThat(deadLetters(key)).isEmpty();
	}

	/**
	 * A dead letter carries the record exactly as it was on the topic: the same bytes,
	 * with fields this consumer's reader schema does not know (a newer producer's), and
	 * the same headers; a replay republishes them as they are.
	 */
	@Test
	void aDeadLetterKeepsTheOriginalBytesAndHeaders() throws Exception {
		Schema newer = newerOrderPlacedSchema();
		long contentId = SchemaRegistryServer.register("order-placed-with-gift-wrap", newer.toString());
		OrderPlaced refused = orderPlaced("refused");
		String key = refused.getOrderId().toString();
		byte[] bytes = encode(newer, contentId, refused);
		ListenerAssignments.await(this.listeners);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER_PLACED, key, bytes);
			record.headers().add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(key), (list) -> list.size() == 1);
		assertThat(ATTEMPTS.get(refused.getEventId())).as("decoded with the reader schema, then refused").hasValue(1);
		List<ConsumerRecord<byte[], byte[]>> raw = rawDeadLetters(key);
		assertThat(raw).hasSize(1);
		ConsumerRecord<byte[], byte[]> letter = raw.get(0);
		assertThat(letter.value()).as("the original bytes, gift wrap included").isEqualTo(bytes);
		assertThat(new String(letter.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.isEqualTo(TRACEPARENT);
		assertThat(new GenericDatumReader<GenericRecord>(newer)
			.read(null, DecoderFactory.get().binaryDecoder(letter.value(), 5, letter.value().length - 5, null))
			.get("giftWrap")).isEqualTo(true);

		this.deadLetters.replay(Topics.ORDER_PLACED); // refused again: a second dead
														// letter
		await().atMost(Duration.ofSeconds(30)).until(() -> rawDeadLetters(key), (list) -> list.size() == 2);
		ConsumerRecord<byte[], byte[]> again = rawDeadLetters(key).get(1);
		assertThat(again.value()).as("replayed and dead-lettered again, byte for byte").isEqualTo(bytes);
		assertThat(again.headers().lastHeader(DeadLetters.REPLAYED_FROM)).isNotNull();
		assertThat(new String(again.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.isEqualTo(TRACEPARENT);
	}

	@Test
	void deadLetterTopicsKeepTheirRecordsFourWeeksAndSagaTopicsTheBrokersDefault() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
			ConfigResource dlt = new ConfigResource(ConfigResource.Type.TOPIC, Topics.deadLetter(Topics.ORDER_PLACED));
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ORDER_PLACED);
			Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(dlt, topic)).all().get();
			assertThat(configs.get(dlt).get(TopicConfig.RETENTION_MS_CONFIG).value())
				.isEqualTo(String.valueOf(Duration.ofDays(28).toMillis()));
			assertThat(configs.get(topic).get(TopicConfig.RETENTION_MS_CONFIG).isDefault()).isTrue();
		}
	}

	private Inbound<OrderPlaced> map(@Nullable Object value) {
		OrderPlaced event = Inbound.expect(OrderPlaced.class, value);
		return new Inbound<>(event.getEventId(), event);
	}

	private List<UUID> applied() {
		return this.jdbc.sql("SELECT event_id FROM applied_events ORDER BY seq").query(UUID.class).list();
	}

	private long pendingDeadLetters() {
		return this.deadLetters.list(Topics.ORDER_PLACED).stream().filter((letter) -> !letter.replayed()).count();
	}

	private double retries(String failure) {
		return this.meters.counter("orderflow.events.retries", "topic", Topics.ORDER_PLACED, "failure", failure)
			.count();
	}

	private static Schema newerOrderPlacedSchema() {
		Schema current = OrderPlaced.getClassSchema();
		List<Schema.Field> fields = new ArrayList<>();
		current.getFields().forEach((field) -> fields.add(new Schema.Field(field, field.schema())));
		fields
			.add(new Schema.Field("giftWrap", Schema.create(Schema.Type.BOOLEAN), "added by a newer producer", false));
		return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
	}

	/**
	 * The registry's framing (magic byte, 4-byte content id) around the newer encoding.
	 */
	private static byte[] encode(Schema newer, long contentId, OrderPlaced event) throws Exception {
		GenericData.Record record = new GenericData.Record(newer);
		event.getSchema().getFields().forEach((field) -> record.put(field.name(), event.get(field.pos())));
		record.put("giftWrap", true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(ByteBuffer.allocate(5).put((byte) 0).putInt((int) contentId).array());
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(newer, SpecificData.getForClass(OrderPlaced.class)).write(record,
				encoder);
		encoder.flush();
		return out.toByteArray();
	}

	private static List<ConsumerRecord<byte[], byte[]>> rawDeadLetters(String key) {
		List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			TopicScan.fromBeginning(consumer, Topics.deadLetter(Topics.ORDER_PLACED), (record) -> {
				if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
					letters.add(record);
				}
			});
		}
		return letters;
	}

	private double redelivered() {
		return this.meters.counter(EventPipeline.REDELIVERED, "topic", Topics.ORDER_PLACED).count();
	}

	private List<DeadLetter> deadLetters(String key) {
		return this.deadLetters.list(Topics.ORDER_PLACED, key);
	}

	private static OrderPlaced orderPlaced(String customer) {
		return OrderPlaced.newBuilder(SagaEvents.orderPlaced(new OrderLine("SKU-1", 1)))
			.setCustomerId(customer)
			.build();
	}

	@SpringBootApplication
	static class App {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Handler handler(JdbcClient jdbc) {
			return new Handler(jdbc);
		}

		@Bean
		Listener listener(EventPipeline pipeline, Handler handler) {
			return new Listener(pipeline, handler);
		}

	}

	/**
	 * Maps and delegates, as every listener of the suite.
	 *
	 * @param pipeline the consumer pipeline
	 * @param handler the domain
	 */
	record Listener(EventPipeline pipeline, Handler handler) {

		@KafkaListener(topics = Topics.ORDER_PLACED)
		void on(List<ConsumerRecord<String, @Nullable Object>> records, Acknowledgment ack) {
			this.pipeline.process(records, ack, (value) -> {
				OrderPlaced event = Inbound.expect(OrderPlaced.class, value);
				return new Inbound<>(event.getEventId(), event);
			}, this.handler::apply);
		}

	}

	/**
	 * The domain: runs inside the pipeline's transaction; its effect is a row, committed
	 * or rolled back with that transaction.
	 *
	 * @param jdbc where the effect goes
	 */
	record Handler(JdbcClient jdbc) {

		public void apply(OrderPlaced event) {
			ATTEMPTS.computeIfAbsent(event.getEventId(), (id) -> new AtomicInteger()).incrementAndGet();
			if (event.getCustomerId().equals("refused")) {
				throw new IllegalArgumentException("the domain refuses this command for good");
			}
			if (POISONED_CUSTOMERS.contains(event.getCustomerId())) {
				throw new NonRetryableEventException("customer " + event.getCustomerId() + " is poisoned");
			}
			if (event.getCustomerId().equals("flaky")
					&& FLAKY_FAILURES_LEFT.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("transient failure");
			}
			if (event.getCustomerId().equals("locked")
					&& LOCKED_FAILURES_LEFT.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("flush failed",
						new SQLException("canceling statement due to lock timeout", "55P03"));
			}
			if (FAIL_ONCE.remove(event.getCustomerId())) {
				throw new IllegalStateException("transient failure");
			}
			if (FAIL_ON_SECOND_ATTEMPT.contains(event.getCustomerId()) && ATTEMPTS.get(event.getEventId()).get() == 2) {
				throw new IllegalStateException("deadlock detected",
						new SQLException("ERROR: deadlock detected", "40P01"));
			}
			this.jdbc.sql("INSERT INTO applied_events (event_id) VALUES (?)").param(event.getEventId()).update();
		}

	}

}
