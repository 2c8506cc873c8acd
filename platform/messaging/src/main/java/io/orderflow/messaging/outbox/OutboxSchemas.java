package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import io.apicurio.registry.serde.data.KafkaSerdeRecord;
import io.orderflow.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The schemas of the events a service writes to its outbox
 * ({@code orderflow.outbox.topics}), resolved in the registry (registered, where that is
 * allowed) once, when the service starts, and kept for the life of the process by the
 * serializer's cache: after that, no order intake and no saga step waits on the registry,
 * and a registry outage changes nothing for them.
 * <p>
 * Resolution runs before the web server and the listener containers start. When the
 * registry does not answer then, the service starts anyway: the {@code outboxSchemas}
 * health indicator keeps it out of readiness, its listener containers stay paused
 * ({@link #whenResolved}), a background thread tries again (1 s, then doubling up to 30
 * s), and until a topic's schema is resolved, appending to it fails at once with
 * {@link OutboxSchemaUnavailableException} (a transient failure: HTTP 503, a consumer
 * retries) instead of every caller asking the registry itself.
 */
public class OutboxSchemas implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSchemas.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

	private static final double RETRY_MULTIPLIER = 2.0;

	private final AvroKafkaSerializer<SpecificRecord> serializer;

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private final Set<String> resolved = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String lastFailure;

	private volatile @Nullable Thread retries;

	private volatile boolean running;

	private final List<Runnable> whenResolved = new CopyOnWriteArrayList<>();

	/**
	 * @param serializer the outbox's serializer, whose cache keeps what is resolved here
	 * @param topics the saga topics this service writes
	 * @throws IllegalArgumentException when a topic is not a saga topic
	 */
	public OutboxSchemas(AvroKafkaSerializer<SpecificRecord> serializer, Collection<String> topics) {
		this.serializer = serializer;
		topics.forEach((topic) -> this.schemas.put(topic, Topics.valueSchema(topic)));
	}

	/**
	 * Resolves the schema of every declared topic not resolved yet, in the registry.
	 * @return whether all of them are resolved now
	 */
	public boolean resolve() {
		for (Map.Entry<String, Schema> entry : this.schemas.entrySet()) {
			String topic = entry.getKey();
			if (this.resolved.contains(topic)) {
				continue;
			}
			try {
				SpecificRecord sample = (SpecificRecord) SpecificData.get().newRecord(null, entry.getValue());
				this.serializer.getSchemaResolver()
					.resolveSchema(new KafkaSerdeRecord<>(new KafkaSerdeMetadata(topic, false, null), sample));
				this.resolved.add(topic);
				logger.debug("Schema of {} resolved", topic);
			}
			catch (RuntimeException ex) {
				this.lastFailure = topic + ": " + ex;
				return false;
			}
		}
		this.lastFailure = null;
		for (Runnable action : this.whenResolved) {
			// whoever removes an action runs it: once, also when whenResolved races with
			// this
			if (this.whenResolved.remove(action)) {
				action.run();
			}
		}
		return true;
	}

	/**
	 * Runs an action once every declared schema is resolved: now, when they are, else on
	 * the thread that resolves the last of them.
	 * @param action what to run
	 */
	public void whenResolved(Runnable action) {
		this.whenResolved.add(action);
		if (unresolved().isEmpty() && this.whenResolved.remove(action)) {
			action.run();
		}
	}

	/**
	 * Checks that events may be appended to a topic now, without contacting the registry.
	 * @param topic the event's topic
	 * @throws IllegalStateException when the service did not declare the topic in
	 * {@code orderflow.outbox.topics} (a programming error: its schema would be looked up
	 * on the hot path)
	 * @throws OutboxSchemaUnavailableException when the topic's schema has not been
	 * resolved yet (the registry has not answered since the service started)
	 */
	public void checkWritable(String topic) {
		if (this.resolved.contains(topic)) {
			return;
		}
		if (!this.schemas.containsKey(topic)) {
			throw new IllegalStateException("Topic " + topic + " is not declared in orderflow.outbox.topics "
					+ this.schemas.keySet() + ": declare every topic this service writes");
		}
		throw new OutboxSchemaUnavailableException(topic, this.lastFailure);
	}

	/**
	 * @return the declared topics whose schema is not resolved yet
	 */
	public List<String> unresolved() {
		return this.schemas.keySet().stream().filter((topic) -> !this.resolved.contains(topic)).toList();
	}

	/**
	 * @return why the last resolution failed, or {@code null}
	 */
	public @Nullable String lastFailure() {
		return this.lastFailure;
	}

	@Override
	public void start() {
		this.running = true;
		if (resolve()) {
			logger.info("Schemas of {} resolved in the schema registry", this.schemas.keySet());
			return;
		}
		logger.warn("Schemas not resolved, retrying in the background (the service is not ready until then): {}",
				this.lastFailure);
		Thread thread = new Thread(this::retryUntilResolved, "outbox-schemas");
		thread.setDaemon(true);
		this.retries = thread;
		thread.start();
	}

	private void retryUntilResolved() {
		ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), RETRY_MULTIPLIER);
		backOff.setMaxInterval(LONGEST_RETRY.toMillis());
		BackOffExecution delays = backOff.start();
		while (this.running) {
			long delay = delays.nextBackOff();
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (resolve()) {
				logger.info("Schemas of {} resolved in the schema registry", this.schemas.keySet());
				return;
			}
			logger.warn("Schemas still not resolved {} ms after the last try: {}", delay, this.lastFailure);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.retries;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the web server and the listener containers, so that the first request and
	 * the first record find the schemas resolved.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
