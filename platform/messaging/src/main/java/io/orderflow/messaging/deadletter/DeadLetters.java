package io.orderflow.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.orderflow.messaging.consumer.TopicScan;
import io.orderflow.schemas.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists and replays dead letters. A replay republishes the record's original key and
 * value bytes, and its original headers (trace context) without the error headers, to the
 * topic it failed on; the consumer group {@value #REPLAY_GROUP} remembers what was
 * replayed, so each dead letter is replayed once. Consumers are idempotent by event id,
 * so even a second replay of the same record changes nothing.
 */
public class DeadLetters {

	/** Consumer group whose committed offsets mark dead letters as replayed. */
	public static final String REPLAY_GROUP = "orderflow-dead-letter-replay";

	/** Header naming the dead letter a replayed record came from. */
	public static final String REPLAYED_FROM = "orderflow-replayed-from";

	private final Map<String, Object> connection;

	/**
	 * @param bootstrapServers the brokers, reached in plain text
	 */
	public DeadLetters(String bootstrapServers) {
		this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * @param clientProperties how to reach the brokers: {@code bootstrap.servers} and the
	 * connection's security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*});
	 * other client settings are ignored
	 */
	public DeadLetters(Map<String, ?> clientProperties) {
		Map<String, Object> connection = new HashMap<>();
		clientProperties.forEach((name, value) -> {
			if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
					|| name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || name.startsWith("sasl.")
					|| name.startsWith("ssl.")) {
				connection.put(name, value);
			}
		});
		if (!connection.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
			throw new IllegalArgumentException(
					"The dead-letter tools need " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		}
		this.connection = Map.copyOf(connection);
	}

	/**
	 * Reads every record of a dead-letter topic.
	 * @param topic a source topic (e.g. {@code orders.order-placed.v1}) or its
	 * {@code .dlt}
	 * @return the dead letters, oldest first per partition
	 */
	public List<DeadLetter> list(String topic) {
		String dlt = deadLetterTopic(topic);
		List<DeadLetter> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, dlt);
			TopicScan.fromBeginning(consumer, dlt, (record) -> letters.add(describe(record,
					record.offset() < replayedUpTo.getOrDefault(new TopicPartition(dlt, record.partition()), 0L))));
		}
		return letters;
	}

	/**
	 * Reads the dead letters of one key (one order: one partition, oldest first).
	 * @param topic a source topic or its {@code .dlt}
	 * @param key the record key
	 * @return the key's dead letters
	 */
	public List<DeadLetter> list(String topic, String key) {
		return list(topic).stream().filter((letter) -> key.equals(letter.key())).toList();
	}

	/**
	 * Replays every dead letter of a topic not replayed before.
	 * @param topic a source topic or its {@code .dlt}
	 * @return how many records were republished
	 */
	public int replay(String topic) {
		String dlt = deadLetterTopic(topic);
		int replayed = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
			Map<TopicPartition, Long> from = replayedUpTo(consumer, dlt);
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			List<ConsumerRecord<byte[], byte[]>> pending = new ArrayList<>();
			TopicScan.fromBeginning(consumer, dlt, (record) -> {
				if (record.offset() >= from.getOrDefault(new TopicPartition(dlt, record.partition()), 0L)) {
					pending.add(record);
				}
			});
			for (ConsumerRecord<byte[], byte[]> record : pending) {
				await(producer.send(toReplay(record)));
				done.put(new TopicPartition(dlt, record.partition()), new OffsetAndMetadata(record.offset() + 1));
				replayed++;
			}
			if (!done.isEmpty()) {
				consumer.commitSync(done);
			}
		}
		return replayed;
	}

	private ProducerRecord<byte[], byte[]> toReplay(ConsumerRecord<byte[], byte[]> record) {
		String original = text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
		String target = (original != null) ? original : record.topic().replaceFirst("\\.dlt$", "");
		ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(target, null, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
				replay.headers().add(header);
			}
		}
		replay.headers()
			.add(REPLAYED_FROM, (record.topic() + "/" + record.partition() + "@" + record.offset())
				.getBytes(StandardCharsets.UTF_8));
		return replay;
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
		byte[] originalOffset = lastValue(record.headers(), KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC),
				(originalOffset != null && originalOffset.length == Long.BYTES)
						? ByteBuffer.wrap(originalOffset).getLong() : null,
				exceptionClass(record.headers()), text(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE), replayed);
	}

	private static Map<TopicPartition, Long> replayedUpTo(KafkaConsumer<byte[], byte[]> consumer, String dlt) {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		consumer.committed(new java.util.HashSet<>(TopicScan.partitions(consumer, dlt)))
			.forEach((partition, committed) -> {
				if (committed != null) {
					offsets.put(partition, committed.offset());
				}
			});
		return offsets;
	}

	/** The listener's own exception, not the container's wrapper around it. */
	private static @Nullable String exceptionClass(Headers headers) {
		String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		return (cause != null) ? cause : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
	}

	private static @Nullable String text(Headers headers, String name) {
		byte[] value = lastValue(headers, name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	private static byte @Nullable [] lastValue(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? header.value() : null;
	}

	private static String deadLetterTopic(String topic) {
		return topic.endsWith(Topics.DEAD_LETTER_SUFFIX) ? topic : Topics.deadLetter(topic);
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(with(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	private KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(with(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
				true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	/** The connection settings with a client's own. */
	private Map<String, Object> with(Object... settings) {
		Map<String, Object> config = new HashMap<>(this.connection);
		for (int i = 0; i < settings.length; i += 2) {
			config.put((String) settings[i], settings[i + 1]);
		}
		return config;
	}

	private static void await(java.util.concurrent.Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while replaying", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("replay failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

}
