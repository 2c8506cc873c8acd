package io.orderflow.tools.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.tools.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The second ceiling of the machine: how many records per second one plain producer gets
 * into the broker with the relay's delivery settings (acks=all, idempotence, lz4, 128 KiB
 * batches, 5 ms linger), keyed by a random order id, the size of an outbox payload, into
 * a scratch topic with the saga topics' partition count. The topic is deleted afterwards.
 *
 * @param bootstrapServers the broker
 * @param records how many records
 * @param recordBytes the size of each record's value
 */
record ProducerCeiling(String bootstrapServers, int records, int recordBytes) {

	static final String TOPIC = "bench.producer-ceiling";

	/**
	 * @return records per second, from the first send to the last acknowledgment
	 */
	double measure() throws Exception {
		try (Admin admin = Admin.create(KafkaClients.config(this.bootstrapServers))) {
			if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
				// left by an interrupted run
				admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
			}
			awaitCreated(admin);
			try {
				return produce();
			}
			finally {
				admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	private void awaitCreated(Admin admin) throws Exception {
		// a topic just deleted may take a moment to go
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
				return;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
	}

	private double produce() throws Exception {
		Map<String, Object> config = KafkaClients.config(this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
				ProducerConfig.BATCH_SIZE_CONFIG, 131072, ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.CLIENT_ID_CONFIG, "orderflow-bench-ceiling");
		byte[] payload = new byte[this.recordBytes];
		ThreadLocalRandom.current().nextBytes(payload);
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			// metadata first, so that the clock measures sending
			producer.partitionsFor(TOPIC);
			long start = System.nanoTime();
			for (int i = 0; i < this.records; i++) {
				producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), payload), (metadata, ex) -> {
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
				});
			}
			producer.flush();
			double seconds = (System.nanoTime() - start) / 1e9;
			producer.close(Duration.ofSeconds(10));
			if (failure.get() != null) {
				throw failure.get();
			}
			return this.records / seconds;
		}
	}

}
